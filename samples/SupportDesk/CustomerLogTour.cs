using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PrivacyEf;
using SupportDesk.Model;

namespace SupportDesk;

/// <summary>The tour's step on logs: a customer logged with [LogProperties] leaves pseudonyms, not values, in the log.</summary>
public static class CustomerLogTour
{
    public static async Task RunAsync(IServiceProvider provider)
    {
        await using var scope = provider.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SupportDb>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(TourConsoleLoggerProvider.Category);

        // An agent's view would already be masked; the system scope loads the real values, the worst case for a log.
        Customer customer;
        using (Privacy.System(reason: "sample: log a customer"))
        {
            customer = await db.Customers.AsNoTracking().OrderBy(c => c.Id).FirstAsync();
        }

        Console.WriteLine($"  The application holds: Name={customer.Name}  Email={customer.Email}  Plan={customer.Plan}");
        SupportDeskLog.CustomerOpened(logger, customer);
        Console.WriteLine("  Name, Email, Phone and Iban are [Personal]: written as pseudonyms (psn_..., stable per key ring), Plan and Id as they are.");
    }
}
