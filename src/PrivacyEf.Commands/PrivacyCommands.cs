using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary>
/// PrivacyEf's maintenance commands for a host's own command line: <c>privacy purge</c>, <c>privacy rotate-key</c>, <c>privacy reencrypt</c>,
/// <c>privacy redact-history</c>, <c>privacy inventory</c> and <c>privacy verify-log</c>.
/// </summary>
/// <remarks>
/// Exit codes: 0 when the command did its job, 1 when it failed (or the access log is broken, or the database refused
/// rows of a purge), 130 when it was cancelled (Ctrl+C) between batches; running it again finishes the job.
/// </remarks>
public static class PrivacyCommands
{
    /// <summary>
    /// Builds the <c>privacy</c> command, to add to a host's root command or to parse on its own.
    /// </summary>
    /// <typeparam name="TContext">The application's context, configured with <c>UsePrivacy</c>.</typeparam>
    /// <param name="services">
    /// The application's services. Each command creates a scope and takes its context from an
    /// <see cref="IDbContextFactory{TContext}"/> when one is registered, else the scoped <typeparamref name="TContext"/>.
    /// </param>
    /// <param name="console">Where progress, tables and output go; default: <see cref="AnsiConsole.Console"/>.</param>
    /// <returns>The <c>privacy</c> command with its subcommands.</returns>
    public static Command Create<TContext>(IServiceProvider services, IAnsiConsole? console = null)
        where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(services);
        var host = new CommandHost<TContext>(services, console ?? AnsiConsole.Console);
        return new Command("privacy", "PrivacyEf maintenance: retention purge, key rotation and re-encryption, history redaction, inventory, access log check.")
        {
            PurgeCommand.Create(host),
            ReencryptCommand.Create(host),
            RotateKeyCommand.Create(host),
            RedactHistoryCommand.Create(host),
            InventoryCommand.Create(host),
            VerifyLogCommand.Create(host),
        };
    }
}
