using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary>
/// What every privacy command shares: the application's services, the console, and one way of running a command
/// (a fresh context under a system scope, library errors as one red line, cancellation as exit code 130).
/// </summary>
/// <typeparam name="TContext">The application's context.</typeparam>
internal sealed class CommandHost<TContext>(IServiceProvider services, IAnsiConsole console)
    where TContext : DbContext
{
    public IAnsiConsole Console { get; } = console;

    /// <summary>Runs <paramref name="body"/> with a fresh context inside <c>Privacy.System(reason)</c>.</summary>
    /// <param name="reason">Why the system scope is open, as the access log records it.</param>
    /// <param name="body">The command; returns its exit code.</param>
    /// <param name="rowsDone">How many rows the command had finished when it was cancelled.</param>
    /// <param name="cancellationToken">The token System.CommandLine cancels on Ctrl+C.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> RunAsync(string reason, Func<TContext, CancellationToken, Task<int>> body, Func<long> rowsDone, CancellationToken cancellationToken)
    {
        try
        {
            await using var lease = await ContextLease<TContext>.OpenAsync(services, cancellationToken).ConfigureAwait(false);

            // The commands read and rewrite stored values as they are: a masked value must never be what gets written back.
            using var scope = Privacy.System(reason);
            return await body(lease.Context, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The library commits whole batches only, so stopping here leaves no batch half done.
            Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"[yellow]cancelled after {rowsDone()} rows; run again to finish[/]"));
            return ExitCodes.Cancelled;
        }
#pragma warning disable CA1031 // A command line reports any failure as one line and an exit code instead of a stack trace.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            WriteError(exception.Message);
            return ExitCodes.Failure;
        }
    }

    public void WriteError(string message) => Console.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");

    /// <summary>Writes text exactly as it is (no markup, no wrapping at the console's width), for output other tools read.</summary>
    /// <param name="text">The text.</param>
    public void WritePlain(string text)
    {
        var writer = Console.Profile.Out.Writer;
        writer.Write(text);
        if (!text.EndsWith('\n'))
        {
            writer.WriteLine();
        }

        writer.Flush();
    }
}
