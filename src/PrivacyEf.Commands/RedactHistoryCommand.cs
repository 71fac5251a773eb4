using System.CommandLine;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PrivacyEf.Internal;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary><c>privacy redact-history &lt;entity&gt; [--batch-size N]</c>: redacts text stored before redaction was turned on.</summary>
internal static class RedactHistoryCommand
{
    private static readonly MethodInfo RedactExisting = typeof(RedactionDbContextExtensions).GetMethod(nameof(RedactionDbContextExtensions.RedactExistingAsync))!;

    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var entityName = new Argument<string>("entity") { Description = "The entity type whose stored text is redacted (its class name; case does not matter)." };
        var batchSize = CommandOptions.BatchSize(new RedactExistingOptions().BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var command = new Command("redact-history", "Redact the [Personal(Redact = true)] text of every stored row of one entity type.")
        {
            entityName,
            batchSize,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var name = parse.GetRequiredValue(entityName);
            var options = new RedactExistingOptions();
            options.BatchSize = parse.GetValue(batchSize) ?? options.BatchSize;
            RedactionProgress? last = null;
            return host.RunAsync(
                $"privacy redact-history {name} command",
                async (context, token) =>
                {
                    var entityType = FindRedactable(context.Model, name, context.GetType().Name);
                    var result = await host.Console.Progress().StartAsync(async progress =>
                    {
                        var bar = progress.AddTask(Markup.Escape(entityType.ClrType.Name), maxValue: await CountAsync(context, entityType, token).ConfigureAwait(false));
                        var reporter = new ProgressReporter<RedactionProgress>(p =>
                        {
                            last = p;
                            bar.Value = Math.Min(p.RowsScanned, bar.MaxValue);
                        });
                        var run = (Task<RedactionProgress>)RedactExisting.MakeGenericMethod(entityType.ClrType).Invoke(null, [context, options, reporter, token])!;
                        var final = await run.ConfigureAwait(false);
                        bar.Value = bar.MaxValue;
                        return final;
                    }).ConfigureAwait(false);
                    Summarize(host.Console, result);
                    return ExitCodes.Success;
                },
                () => last?.RowsScanned ?? 0,
                cancellationToken);
        });
        return command;
    }

    /// <summary>The entity type named <paramref name="name"/> if it has text to redact; otherwise an error that lists those that do.</summary>
    private static IEntityType FindRedactable(IModel model, string name, string contextName)
    {
        var redactable = model.GetEntityTypes()
            .Where(e => !e.IsOwned() && !e.HasSharedClrType && PrivacyMetadata.Of(e) is { } metadata && metadata.Properties.Any(p => p.Redact && p.ClrType == typeof(string)))
            .OrderBy(e => e.ClrType.Name, StringComparer.Ordinal)
            .ToArray();
        var candidates = redactable.Length == 0
            ? $"{contextName} has none"
            : string.Join(", ", redactable.Select(e => e.ClrType.Name));
        if (redactable.FirstOrDefault(e => string.Equals(e.ClrType.Name, name, StringComparison.OrdinalIgnoreCase)) is { } found)
        {
            return found;
        }

        var known = model.GetEntityTypes().FirstOrDefault(e => string.Equals(e.ClrType.Name, name, StringComparison.OrdinalIgnoreCase));
        throw new InvalidOperationException(known is null
            ? $"'{name}' is not an entity type of {contextName}. Entity types with [Personal(Redact = true)] text: {candidates}."
            : $"'{known.ClrType.Name}' has no string property marked [Personal(Redact = true)]; there is nothing to redact. Entity types with such text: {candidates}.");
    }

    private static async Task<double> CountAsync(DbContext context, IEntityType entityType, CancellationToken cancellationToken)
    {
        var count = (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!.MakeGenericMethod(entityType.ClrType).Invoke(context, null)!;
        return Math.Max(1, await count.LongCountAsync(cancellationToken).ConfigureAwait(false));
    }

    private static void Summarize(IAnsiConsole console, RedactionProgress result)
    {
        var table = new Table()
            .Title($"History redaction of {Markup.Escape(result.EntityType)}")
            .AddColumn(new TableColumn("Rows scanned").RightAligned())
            .AddColumn(new TableColumn("Rows redacted").RightAligned())
            .AddColumn(new TableColumn("Findings").RightAligned())
            .AddColumn(new TableColumn("Batches").RightAligned());
        table.AddRow(SummaryFormat.Count(result.RowsScanned), SummaryFormat.Count(result.RowsRedacted), SummaryFormat.Count(result.Findings), SummaryFormat.Count(result.Batches));
        console.Write(table);
    }
}
