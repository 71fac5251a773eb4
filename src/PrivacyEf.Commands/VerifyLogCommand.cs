using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary><c>privacy verify-log</c>: checks the access log's hash chain; exit code 0 when intact, 1 when broken.</summary>
internal static class VerifyLogCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var command = new Command("verify-log", "Check that no access log entry was altered or removed (exit code 1 if one was).");
        command.SetAction((parse, cancellationToken) =>
        {
            long checkedEntries = 0;
            return host.RunAsync(
                "privacy verify-log command",
                async (context, token) =>
                {
                    var result = await host.Console.Status()
                        .StartAsync("Verifying the access log...", _ => context.VerifyAccessLogAsync(token))
                        .ConfigureAwait(false);
                    checkedEntries = result.EntriesChecked;
                    var culture = CultureInfo.InvariantCulture;
                    if (result.IsIntact)
                    {
                        host.Console.MarkupLine(string.Create(culture, $"[green]access log intact:[/] {result.EntriesChecked} entries checked"));

                        // Kept elsewhere, the head is the anchor that also shows entries cut off the end later.
                        host.Console.MarkupLine(string.Create(culture, $"head #{result.HeadSequence}: {Markup.Escape(result.HeadHash)}"));
                        return ExitCodes.Success;
                    }

                    host.Console.MarkupLine(string.Create(
                        culture,
                        $"[red]access log broken[/] at entry {result.FirstBadSequence}: {Markup.Escape(result.Problem ?? "unknown problem")} ({result.EntriesChecked} entries checked)"));
                    return ExitCodes.Failure;
                },
                () => checkedEntries,
                cancellationToken);
        });
        return command;
    }
}
