using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Retention.Model;

namespace PrivacyEf.Tests.Retention;

/// <summary>Rows on both sides of each retention period, measured against <see cref="Now"/>.</summary>
internal static class RetentionSeed
{
    public static readonly DateTimeOffset Now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    public static async Task TicketsAsync(RetentionApp app, int expired, int fresh = 0, int held = 0, int open = 0)
    {
        await using var db = app.NewContext();
        var id = 0;
        for (var i = 0; i < expired; i++)
        {
            db.Tickets.Add(Ticket(app, ++id, Now.AddDays(-31 - i % 5)));
        }

        for (var i = 0; i < fresh; i++)
        {
            db.Tickets.Add(Ticket(app, ++id, Now.AddDays(-29)));
        }

        for (var i = 0; i < held; i++)
        {
            var ticket = Ticket(app, ++id, Now.AddDays(-400));
            ticket.OnHold = true;
            db.Tickets.Add(ticket);
        }

        for (var i = 0; i < open; i++)
        {
            db.Tickets.Add(Ticket(app, ++id, closedAt: null));
        }

        await db.SaveChangesAsSystemAsync();
    }

    public static SupportTicket Ticket(RetentionApp app, int id, DateTimeOffset? closedAt) => new()
    {
        Id = id,
        CustomerId = 1000 + id,
        Email = $"customer{id}@example.org",
        Phone = $"+49 30 {id:D6}",
        Body = $"My order {id} never arrived.",
        Subject = $"Order {id}",
        // On SQLite a non-UTC offset on purpose: the cutoff must compare instants, not texts. (Npgsql
        // accepts only UTC offsets for timestamptz.)
        ClosedAt = app.Target is Infrastructure.SqliteTarget ? closedAt?.ToOffset(TimeSpan.FromHours(2)) : closedAt,
    };

    public static async Task SessionsAsync(RetentionApp app, int expired, int fresh = 0, int held = 0)
    {
        await using var db = app.NewContext();
        var id = 0L;
        var now = Now.UtcDateTime;
        for (var i = 0; i < expired; i++)
        {
            db.Sessions.Add(new SessionRecord { Id = ++id, IpAddress = "203.0.113." + (id % 250), StartedAt = now.AddDays(-8).AddMinutes(-i) });
        }

        for (var i = 0; i < fresh; i++)
        {
            db.Sessions.Add(new SessionRecord { Id = ++id, IpAddress = "198.51.100.1", StartedAt = now.AddDays(-6) });
        }

        for (var i = 0; i < held; i++)
        {
            db.Sessions.Add(new SessionRecord { Id = ++id, IpAddress = "192.0.2.1", StartedAt = now.AddDays(-30), Held = true });
        }

        await db.SaveChangesAsSystemAsync();
    }
}
