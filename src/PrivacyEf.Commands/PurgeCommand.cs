using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PrivacyEf;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary><c>privacy purge [--dry-run] [--batch-size N]</c>: the retention purge, with a live row count and a summary table.</summary>
internal static class PurgeCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what the purge would delete or anonymize, and change nothing." };
        var batchSize = CommandOptions.BatchSize("1000");
        var command = new Command("purge", "Delete or anonymize every row whose retention period has ended (rows under legal hold stay).")
        {
            dryRun,
            batchSize,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new PurgeOptions
            {
                DryRun = parse.GetValue(dryRun),
                BatchSize = parse.GetValue(batchSize) ?? new PurgeOptions().BatchSize,
            };
            PurgeRowCounter? counter = null;
            return host.RunAsync(
                "privacy purge command",
                async (context, token) =>
                {
                    using var rows = counter = new PurgeRowCounter();
                    var report = await RunWithStatusAsync(host.Console, context, options, rows, token).ConfigureAwait(false);
                    return Summarize(host, report);
                },
                () => counter?.Rows ?? 0,
                cancellationToken);
        });
        return command;
    }

    private static async Task<PurgeReport> RunWithStatusAsync(IAnsiConsole console, DbContext context, PurgeOptions options, PurgeRowCounter rows, CancellationToken cancellationToken)
    {
        var verb = options.DryRun ? "Counting expired rows (dry run)" : "Purging expired rows";
        return await console.Status().StartAsync($"{verb}...", async status =>
        {
            var purge = context.PurgeExpiredAsync(options, cancellationToken);
            while (await Task.WhenAny(purge, Task.Delay(TimeSpan.FromMilliseconds(200), CancellationToken.None)).ConfigureAwait(false) != purge)
            {
                status.Status(string.Create(CultureInfo.InvariantCulture, $"{verb}: {rows.Rows} rows so far..."));
            }

            return await purge.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static int Summarize<TContext>(CommandHost<TContext> host, PurgeReport report)
        where TContext : DbContext
    {
        var console = host.Console;
        if (report.Skipped)
        {
            console.MarkupLine($"[yellow]purge skipped:[/] {Markup.Escape(report.SkipReason!)}");
            return ExitCodes.Success;
        }

        var culture = CultureInfo.InvariantCulture;
        var table = new Table()
            .Title(report.DryRun ? "Retention purge (dry run: nothing changed)" : "Retention purge")
            .AddColumn(new TableColumn("Entity").NoWrap())
            .AddColumn(new TableColumn("Action").NoWrap())
            .AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn(new TableColumn("Held").RightAligned())
            .AddColumn(new TableColumn("Batches").RightAligned())
            .AddColumn(new TableColumn("Refused").RightAligned())
            .AddColumn(new TableColumn("Time").RightAligned());
        foreach (var entity in report.Entities)
        {
            table.AddRow(
                Markup.Escape(entity.Entity),
                ActionName(entity.Action, report.DryRun),
                entity.Rows.ToString(culture),
                entity.HeldRows.ToString(culture),
                entity.Batches.ToString(culture),
                entity.Failures.Count == 0 ? "0" : $"[red]{entity.Failures.Count.ToString(culture)}[/]",
                SummaryFormat.Duration(entity.Duration));
        }

        console.Write(table);
        var verbs = report.DryRun ? ("would delete", "would anonymize") : ("deleted", "anonymized");
        console.MarkupLine(string.Create(
            culture,
            $"Total: {report.RowsDeleted} {verbs.Item1}, {report.RowsAnonymized} {verbs.Item2}, {report.RowsHeld} held, {report.Failures.Count} refused, in {SummaryFormat.Duration(report.Duration)}"));
        foreach (var failure in report.Failures.Take(20))
        {
            console.MarkupLine($"[red]refused:[/] {Markup.Escape(failure.ToString())}");
        }

        // Refused rows are still there past their retention: a scheduler must see that the run did not finish the job.
        return report.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static string ActionName(RetentionAction action, bool dryRun) => (action, dryRun) switch
    {
        (RetentionAction.Delete, true) => "would delete",
        (RetentionAction.Delete, false) => "delete",
        (_, true) => "would anonymize",
        _ => "anonymize",
    };
}
