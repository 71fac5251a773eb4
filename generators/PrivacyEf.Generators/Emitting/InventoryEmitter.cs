using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using PrivacyEf.Generators.Model;

namespace PrivacyEf.Generators.Emitting;

/// <summary>
/// Writes the assembly's record of processing as known at compile time: a Markdown table per annotated entity,
/// in a constant, so a build step or a test can publish or diff it without running the application. The
/// runtime's <c>GetPrivacyInventory()</c> adds what only the model knows (tables, columns, descriptions).
/// </summary>
internal static class InventoryEmitter
{
    public const string HintName = "PrivacyEf.Inventory.g.cs";

    public static string Emit(ImmutableArray<EntityModel> entities)
    {
        var markdown = new StringBuilder();
        markdown.Append("# Personal data declared in this assembly\n");
        foreach (var entity in entities.OrderBy(e => e.FullyQualifiedTypeName, StringComparer.Ordinal))
        {
            markdown.Append('\n').Append("## ").Append(entity.FullyQualifiedTypeName.Replace("global::", string.Empty)).Append('\n').Append('\n');
            markdown.Append("Data subject: ").Append(entity.DataSubjectProperty ?? "none").Append(". Retention: ");
            markdown.Append(entity.Retention is { } retention
                ? string.Format(CultureInfo.InvariantCulture, "{0} days after {1}, then {2}", retention.Days, retention.FromProperty, (retention.Action.MemberName ?? "Delete").ToLowerInvariant())
                : "none");
            markdown.Append(".\n\n| Property | Category | Encrypted | Searchable | Mask | Redacted | Purposes |\n| --- | --- | --- | --- | --- | --- | --- |\n");
            foreach (var property in entity.Properties)
            {
                var purposes = property.Purposes.Count > 0 ? property.Purposes : entity.Purposes;
                markdown.Append("| ").Append(property.Name)
                    .Append(" | ").Append(property.Category.MemberName ?? property.Category.Value.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(property.Encrypt ? "yes" : "no")
                    .Append(" | ").Append(property.Searchable ? "yes" : "no")
                    .Append(" | ").Append(property.Mask.MemberName ?? property.Mask.Value.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(property.Redact ? "yes" : "no")
                    .Append(" | ").Append(purposes.Count == 0 ? "any" : string.Join(", ", purposes))
                    .Append(" |\n");
            }
        }

        var writer = new IndentedWriter();
        writer.WriteLines(GeneratedCodeInfo.Header);
        writer.WriteLine("namespace PrivacyEf.Generated");
        using (writer.OpenBlock())
        {
            writer.WriteLines($"""
                /// <summary>
                /// The personal data this assembly's entities declare, as the generator read it at compile time.
                /// </summary>
                {GeneratedCodeInfo.GeneratedCodeAttribute}
                internal static class PrivacyEfGeneratedInventory
                """);
            using (writer.OpenBlock())
            {
                writer.WriteLine("/// <summary>The inventory as Markdown.</summary>");
                writer.WriteLine("public const string Markdown = " + EntityEmitter.Literal(markdown.ToString()) + ";");
            }
        }

        return writer.ToString();
    }
}
