using CsCheck;
using Microsoft.EntityFrameworkCore;
using PrivacyEf.Tests.Infrastructure;
using PrivacyEf.Tests.Model;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// Random sequences of (load in some scope, change one property, save back some way) against one customer: after
/// every step the stored values and the e-mail's blind index are exactly what the last permitted write made them.
/// A mask is never stored or indexed, and a refused write changes nothing (issue 14).
/// </summary>
public abstract class WriteSequencePropertyTests(DatabaseTarget target)
{
    private const int Iterations = 25;

    private static readonly Gen<WriteStep> Steps = Gen.Select(
        Gen.Enum<WriteScope>(), Gen.Enum<LoadMode>(), Gen.Enum<Change>(), Gen.Int[0, 3], (scope, load, change, value) => new WriteStep(scope, load, change, value));

    private enum WriteScope
    {
        System,
        Agent,
        Restricted,
        None,
    }

    private enum LoadMode
    {
        Tracked,
        NoTrackingThenUpdate,
        NoTrackingThenStateModified,
        CopyThenUpdate,
    }

    private enum Change
    {
        Segment,
        Email,
        Name,
    }

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task Every_stored_value_and_blind_index_is_what_the_last_permitted_write_made_it()
    {
        // The agent sees every personal property of a customer; the restricted scope only its identity (the e-mail masked).
        using var app = PrivacyApp.Create(Target, configure: o =>
        {
            o.Grant("agent", "support", PersonalDataCategory.Identity, PersonalDataCategory.Contact, PersonalDataCategory.Demographic);
            o.Grant("trainee", "support", PersonalDataCategory.Identity);
        });
        await (await app.CreateDatabaseAsync()).DisposeAsync();

        Steps.Array[1, 6].Sample(
            steps =>
            {
                var stored = Reset(app);
                foreach (var step in steps)
                {
                    stored = Apply(app, step, stored);
                    AssertStored(app, stored, step);
                }
            },
            iter: Iterations,
            threads: 1,
            print: steps => string.Join(" -> ", steps.Select(s => s.ToString())));
    }

    private static StoredCustomer Reset(PrivacyApp app)
    {
        using var db = app.NewContext();
        using var system = Privacy.System("test: a fresh customer");
        db.Customers.ExecuteDelete();
        var stored = new StoredCustomer("Ada Lovelace", "ada@example.com", "retail");
        db.Customers.Add(new Customer { Id = 1, Name = stored.Name, Email = stored.Email, Segment = stored.Segment });
        db.SaveChanges();
        return stored;
    }

    private static StoredCustomer Apply(PrivacyApp app, WriteStep step, StoredCustomer stored)
    {
        using var db = app.NewContext();
        using var scope = step.Scope switch
        {
            WriteScope.System => Privacy.System("test: a system write"),
            WriteScope.Agent => Privacy.Access("support", "agent-7", ["agent"]),
            WriteScope.Restricted => Privacy.Access("support", "trainee-3", ["trainee"]),
            _ => null,
        };

        var customer = step.Load == LoadMode.Tracked ? db.Customers.Single(c => c.Id == 1) : db.Customers.AsNoTracking().Single(c => c.Id == 1);
        if (step.Load == LoadMode.CopyThenUpdate)
        {
            // A web form's round trip: a new object from the values the reader was shown.
            customer = new Customer { Id = 1, Name = customer.Name, Email = customer.Email, Phone = customer.Phone, PreferredLanguage = customer.PreferredLanguage, Segment = customer.Segment };
        }

        var value = step.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var expected = step.Change switch
        {
            Change.Email => stored with { Email = $"e{value}@example.com" },
            Change.Name => stored with { Name = $"Name {value}" },
            _ => stored with { Segment = $"segment-{value}" },
        };
        switch (step.Change)
        {
            case Change.Email:
                customer.Email = expected.Email;
                break;
            case Change.Name:
                customer.Name = expected.Name;
                break;
            default:
                customer.Segment = expected.Segment;
                break;
        }

        if (step.Load is LoadMode.NoTrackingThenUpdate or LoadMode.CopyThenUpdate)
        {
            db.Update(customer);
        }
        else if (step.Load == LoadMode.NoTrackingThenStateModified)
        {
            db.Entry(customer).State = EntityState.Modified;
        }

        // A tracked entity set to the value it already holds has no change for EF to write, unless the entity holds a
        // mask there (the restricted scope's e-mail), which the real value changes.
        var writes = step.Load != LoadMode.Tracked || expected != stored || (step.Scope == WriteScope.Restricted && step.Change == Change.Email);
        if (writes && IsRefused(step))
        {
            Assert.Throws<PrivacyAccessDeniedException>(() => db.SaveChanges());
            return stored;
        }

        db.SaveChanges();
        return expected;
    }

    /// <summary>What the policy refuses: a write of a property the scope may not see, and any personal write outside a scope.</summary>
    private static bool IsRefused(WriteStep step) => step.Scope switch
    {
        // The restricted scope sees the e-mail masked: it may not change it, and a copy carries the mask (and the
        // masked contact fields) as if it were new data.
        WriteScope.Restricted => step.Change == Change.Email || step.Load == LoadMode.CopyThenUpdate,

        // Outside a scope only a tracked change of a property that is not personal is written.
        WriteScope.None => step.Change != Change.Segment || step.Load != LoadMode.Tracked,
        _ => false,
    };

    private static void AssertStored(PrivacyApp app, StoredCustomer stored, WriteStep after)
    {
        using var db = app.NewContext();
        using var system = Privacy.System("test: what is stored");
        var row = db.Customers.AsNoTracking().Single();
        Assert.True(
            (row.Name, row.Email, row.Segment) == (stored.Name, stored.Email, stored.Segment),
            $"after {after}: stored ({row.Name}, {row.Email}, {row.Segment}), expected ({stored.Name}, {stored.Email}, {stored.Segment})");

        // Found by its real e-mail through the blind index, so the index was computed from the real value.
        Assert.Equal(1, db.Customers.Count(c => c.Email == stored.Email));
    }

    private sealed record WriteStep(WriteScope Scope, LoadMode Load, Change Change, int Value);

    private sealed record StoredCustomer(string Name, string Email, string Segment);
}
