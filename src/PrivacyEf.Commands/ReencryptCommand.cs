using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary><c>privacy reencrypt [--batch-size N]</c>: moves stored values to the active data key, with a progress bar per entity.</summary>
internal static class ReencryptCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var batchSize = CommandOptions.BatchSize(new ReencryptionOptions().BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var command = new Command("reencrypt", "Re-encrypt every stored value not sealed with the active data key (after a key rotation).")
        {
            batchSize,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var options = new ReencryptionOptions();
            options.BatchSize = parse.GetValue(batchSize) ?? options.BatchSize;
            var rows = new RowTally();
            return host.RunAsync(
                "privacy reencrypt command",
                async (context, token) =>
                {
                    var report = await host.Console.Progress().StartAsync(async progress =>
                    {
                        var bars = new Dictionary<string, ProgressTask>(StringComparer.Ordinal);
                        var reporter = new ProgressReporter<ReencryptionProgress>(p =>
                        {
                            rows.Set(p.Entity, p.Processed);
                            if (!bars.TryGetValue(p.Entity, out var bar))
                            {
                                bars[p.Entity] = bar = progress.AddTask(Markup.Escape(p.Entity), maxValue: p.Total);
                            }

                            bar.MaxValue = p.Total;
                            bar.Value = p.Processed;
                        });
                        return await context.ReencryptAsync(options, reporter, token).ConfigureAwait(false);
                    }).ConfigureAwait(false);
                    return Summarize(host.Console, report);
                },
                () => rows.Total,
                cancellationToken);
        });
        return command;
    }

    private static int Summarize(IAnsiConsole console, ReencryptionReport report)
    {
        var table = new Table()
            .Title("Re-encryption")
            .AddColumn(new TableColumn("Entity").NoWrap())
            .AddColumn(new TableColumn("Rows").RightAligned())
            .AddColumn(new TableColumn("Batches").RightAligned());
        foreach (var entity in report.Entities)
        {
            table.AddRow(Markup.Escape(entity.Entity), SummaryFormat.Count(entity.Rows), SummaryFormat.Count(entity.Batches));
        }

        console.Write(table);
        console.MarkupLine($"Total: {SummaryFormat.Count(report.TotalRows)} rows re-encrypted in {SummaryFormat.Duration(report.Duration)}");
        console.MarkupLine($"Active data key: {report.ActiveKeyId:N}");
        if (report.BlindIndexRebuildDeferredUntil is { } deferred)
        {
            console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[yellow]Blind-index key rotation to generation {report.BlindIndexKeyGeneration} under way: new values move to the new key at {deferred:u}; run again after that to rebuild the stored indexes.[/]"));
        }
        else if (report.BlindIndexRetirementDeferredUntil is { } retirement)
        {
            console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[yellow]Blind indexes rebuilt under key generation {report.BlindIndexKeyGeneration}; the old key can be retired from {retirement:u}: run again after that to end the rotation.[/]"));
        }
        else if (report.BlindIndexesLeftUnderPreviousKey is { } left)
        {
            console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[yellow]{left} blind indexes are still under the previous key (written meanwhile); run again to finish the rotation.[/]"));
        }
        else if (report.RetiredBlindIndexKeyId is { } retired)
        {
            console.MarkupLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Blind indexes rebuilt under key generation {report.BlindIndexKeyGeneration}; old key {retired:N} retired."));
        }

        return ExitCodes.Success;
    }
}
