using System.Globalization;
using System.Text.Json;

namespace PrivacyEf;

/// <summary>Everything a context holds on one data subject (GDPR Art. 15 and 20), ready to hand over as JSON.</summary>
/// <param name="SubjectId">The data subject, as text.</param>
/// <param name="GeneratedAt">When the export was made.</param>
/// <param name="Entities">Per entity, the subject's rows.</param>
public sealed record SubjectExport(string SubjectId, DateTimeOffset GeneratedAt, IReadOnlyList<SubjectEntityExport> Entities)
{
    /// <summary>The version of the JSON layout <see cref="WriteJsonAsync"/> writes.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Writes the export as UTF-8 JSON: schema version, subject, time, then per entity its rows with each field's value, category, purposes and retention.</summary>
    /// <param name="stream">Where to write.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the JSON is flushed.</returns>
    public async Task WriteJsonAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Relaxed escaping: the export is read by people, and is never embedded in HTML by PrivacyEf.
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", SchemaVersion);
        json.WriteString("subjectId", SubjectId);
        json.WriteString("generatedAt", GeneratedAt.ToString("O", CultureInfo.InvariantCulture));
        json.WriteStartArray("entities");
        foreach (var entity in Entities)
        {
            json.WriteStartObject();
            json.WriteString("entity", entity.Entity);
            json.WriteString("table", entity.Table);
            json.WriteStartArray("rows");
            foreach (var row in entity.Rows)
            {
                json.WriteStartObject();
                foreach (var (name, field) in row)
                {
                    json.WriteStartObject(name);
                    json.WritePropertyName("value");
                    JsonSerializer.Serialize(json, field.Value, field.Value?.GetType() ?? typeof(object));
                    json.WriteBoolean("personal", field.Personal);
                    if (field.Category is { } category)
                    {
                        json.WriteString("category", category.ToString());
                    }

                    if (field.Withheld)
                    {
                        json.WriteString("withheld", "credentials are held but not exported");
                    }

                    if (field.Personal)
                    {
                        json.WriteStartArray("purposes");
                        field.Purposes.ToList().ForEach(json.WriteStringValue);
                        json.WriteEndArray();
                        json.WriteString("retention", field.Retention ?? "no retention period set");
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
