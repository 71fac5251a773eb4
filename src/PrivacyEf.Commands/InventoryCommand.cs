using System.CommandLine;
using Microsoft.EntityFrameworkCore;

namespace PrivacyEf.Commands;

/// <summary><c>privacy inventory [--format md|json]</c>: the record of processing, as plain text on standard output.</summary>
internal static class InventoryCommand
{
    public static Command Create<TContext>(CommandHost<TContext> host)
        where TContext : DbContext
    {
        var format = new Option<string>("--format")
        {
            Description = "md for a document a person reads, json for tools.",
            DefaultValueFactory = _ => "md",
        };
        format.AcceptOnlyFromAmong("md", "json");
        var command = new Command("inventory", "Write what personal data the model holds, how it is protected, why and for how long.")
        {
            format,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(format) == "json";
            return host.RunAsync(
                "privacy inventory command",
                (context, _) =>
                {
                    var inventory = context.GetPrivacyInventory();
                    host.WritePlain(json ? inventory.ToJson() : inventory.ToMarkdown());
                    return Task.FromResult(ExitCodes.Success);
                },
                () => 0,
                cancellationToken);
        });
        return command;
    }
}
