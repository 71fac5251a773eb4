using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace PrivacyEf.Commands;

/// <summary>
/// <c>privacy rotate-key [--blind-index]</c>: makes a new data key active, or starts a rotation of the
/// blind-index key; either way <c>privacy reencrypt</c> then moves the stored values.
/// </summary>
internal static class RotateKeyCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var blindIndex = new Option<bool>("--blind-index")
        {
            Description = "Rotate the key of the blind indexes (equality lookups on encrypted columns) instead of the data key.",
        };
        var command = new Command("rotate-key", "Make a new data key active, or start a rotation of the blind-index key; run reencrypt afterwards.")
        {
            blindIndex,
        };
        command.SetAction((parse, cancellationToken) => host.RunAsync(
            "privacy rotate-key command",
            async (context, token) =>
            {
                if (!parse.GetValue(blindIndex))
                {
                    var key = await context.RotateDataKeyAsync(token).ConfigureAwait(false);
                    host.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Active data key: {key:N}"));
                    host.Console.MarkupLine("Run [bold]privacy reencrypt[/] to move the stored values to it.");
                    return ExitCodes.Success;
                }

                var rotation = await context.RotateBlindIndexKeyAsync(token).ConfigureAwait(false);
                host.Console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Blind-index key generation {rotation.Generation}: {rotation.KeyId:N}"));
                host.Console.MarkupLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"Lookups match both keys now; new values are indexed under the new key from {rotation.WritesMoveAt:u}. Run [bold]privacy reencrypt[/] after that to rebuild the stored indexes, and once more a refresh interval later to retire the old key."));
                return ExitCodes.Success;
            },
            () => 0,
            cancellationToken));
        return command;
    }
}
