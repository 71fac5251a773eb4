using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary>
/// <c>privacy verify-log [--anchor FILE]</c>: checks the access log's hash chain; exit code 0 when intact, 1 when
/// broken. With an anchor file, also checks that the head the file recorded is still in the log, unchanged, and then
/// moves the anchor to the current head.
/// </summary>
internal static class VerifyLogCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var anchorFile = new Option<FileInfo?>("--anchor")
        {
            Description = "A file, kept outside the database, with the head an earlier run saw: the log must still hold it (an emptied or cut-off log fails). Created on the first run and moved to the new head after each intact one.",
        };
        var command = new Command("verify-log", "Check that no access log entry was altered or removed (exit code 1 if one was).")
        {
            anchorFile,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            long checkedEntries = 0;
            var anchorPath = parse.GetValue(anchorFile)?.FullName;
            return host.RunAsync(
                "privacy verify-log command",
                async (context, token) =>
                {
                    var anchor = anchorPath is null ? null : await AccessLogAnchorFile.ReadAsync(anchorPath, token).ConfigureAwait(false);
                    var result = await host.Console.Status()
                        .StartAsync("Verifying the access log...", _ => context.VerifyAccessLogAsync(anchor, token))
                        .ConfigureAwait(false);
                    checkedEntries = result.EntriesChecked;
                    var culture = CultureInfo.InvariantCulture;
                    if (result.IsIntact)
                    {
                        host.Console.MarkupLine(string.Create(culture, $"[green]access log intact:[/] {result.EntriesChecked} entries checked"));

                        // Kept elsewhere, the head is the anchor that also shows entries cut off the end later.
                        host.Console.MarkupLine(string.Create(culture, $"head #{result.HeadSequence}: {Markup.Escape(result.HeadHash)}"));
                        if (anchorPath is not null)
                        {
                            await AccessLogAnchorFile.WriteAsync(anchorPath, result, token).ConfigureAwait(false);
                            host.Console.MarkupLine(anchor is null
                                ? $"anchor written to {Markup.Escape(anchorPath)}"
                                : string.Create(culture, $"still holds the anchor's head #{anchor.HeadSequence}; anchor moved to #{result.HeadSequence} in {Markup.Escape(anchorPath)}"));
                        }

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
