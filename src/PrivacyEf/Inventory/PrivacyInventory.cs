using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PrivacyEf;

/// <summary>
/// The record of processing of one context: every entity holding personal data, what each property is,
/// how it is protected, why it is processed and for how long, with a plain-language notice per purpose.
/// Built from the generated metadata and the model, so it always matches what the code does.
/// </summary>
/// <param name="Entities">The entities holding personal data.</param>
/// <param name="Purposes">Every purpose personal data is processed for.</param>
public sealed record PrivacyInventory(IReadOnlyList<InventoryEntity> Entities, IReadOnlyList<InventoryPurpose> Purposes)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    /// <summary>The inventory as Markdown: a table per entity and a notice per purpose.</summary>
    /// <returns>Markdown text.</returns>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("# Record of processing").AppendLine();
        text.AppendLine("| Entity | Table | Data subject link | Retention |").AppendLine("| --- | --- | --- | --- |");
        foreach (var entity in Entities)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {entity.Name} | {entity.Table ?? "-"} | {entity.SubjectProperty ?? "none: rows cannot be found for a request"} | {Retention(entity)} |");
        }

        foreach (var entity in Entities)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## {entity.Name}").AppendLine();
            text.AppendLine("| Property | Column | Category | Encrypted | Searchable | Mask | Redacted | Purposes |").AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
            foreach (var property in entity.Properties)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {property.Name} | {property.Column ?? "-"} | {property.Category} | {YesNo(property.Encrypted)} | {YesNo(property.Searchable)} | {property.Mask} | {YesNo(property.Redacted)} | {(property.Purposes.Count == 0 ? "any" : string.Join(", ", property.Purposes))} |");
            }
        }

        text.AppendLine().AppendLine("## Why we process your data, and for how long");
        foreach (var purpose in Purposes)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### {purpose.Name}").AppendLine();
            if (purpose.Description is { } description)
            {
                text.AppendLine(description).AppendLine();
            }

            text.AppendLine(purpose.Notice);
        }

        return text.ToString();
    }

    /// <summary>The inventory as indented JSON (camelCase, enums as names).</summary>
    /// <returns>JSON text.</returns>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Retention(InventoryEntity entity) => entity.RetentionDays is int days
        ? string.Create(CultureInfo.InvariantCulture, $"{days} days after {entity.RetentionFrom}, then {entity.RetentionAction?.ToString().ToLowerInvariant()}")
        : "not set";
}
