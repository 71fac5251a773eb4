using System.Buffers;
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

        // The JSON is built in memory and copied to the stream asynchronously, a chunk at a time: JsonSerializer flushes
        // its writer synchronously, which a stream such as an HTTP response body refuses.
        var buffer = new ArrayBufferWriter<byte>();

        // Relaxed escaping: the export is read by people, and is never embedded in HTML by PrivacyEf.
        await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
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
                await CopyAsync(json, buffer, stream, ChunkBytes, cancellationToken).ConfigureAwait(false);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        await CopyAsync(json, buffer, stream, minimum: 0, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private const int ChunkBytes = 64 * 1024;

    /// <summary>Moves what the writer holds to the stream once there is at least <paramref name="minimum"/> bytes of it.</summary>
    private static async Task CopyAsync(Utf8JsonWriter json, ArrayBufferWriter<byte> buffer, Stream stream, int minimum, CancellationToken cancellationToken)
    {
        json.Flush();
        if (buffer.WrittenCount > 0 && buffer.WrittenCount >= minimum)
        {
            await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
            buffer.ResetWrittenCount();
        }
    }
}
