using System.Text;
using System.Text.Json;

namespace PrivacyEf.Tests.SubjectRights;

/// <summary>How an export is written as JSON: onto streams that refuse synchronous writes, in chunks, credentials withheld.</summary>
public sealed class ExportJsonTests
{
    [Fact]
    public async Task An_export_larger_than_a_chunk_is_written_to_a_stream_that_refuses_synchronous_writes()
    {
        // Enough rows for several 64 KiB chunks, with text that needs escaping.
        var rows = Enumerable.Range(0, 3000)
            .Select(i => (IReadOnlyDictionary<string, SubjectField>)new Dictionary<string, SubjectField>
            {
                ["Id"] = new(i, Personal: false, Category: null, Purposes: [], Retention: null),
                ["Note"] = new($"Zeile {i}: \"Grüße\" <b>{new string('x', 20)}</b>", Personal: true, PersonalDataCategory.FreeText, ["support"], "2 years"),
            })
            .ToList();
        var export = new SubjectExport("7", DateTimeOffset.UnixEpoch, [new SubjectEntityExport("Note", "notes", rows)]);

        await using var stream = new AsyncOnlyStream();
        await export.WriteJsonAsync(stream);

        Assert.True(stream.Length > 3 * 64 * 1024, $"only {stream.Length} bytes");
        using var json = JsonDocument.Parse(stream.ToArray());
        var written = json.RootElement.GetProperty("entities")[0].GetProperty("rows");
        Assert.Equal(3000, written.GetArrayLength());
        Assert.Equal("Zeile 2999: \"Grüße\" <b>xxxxxxxxxxxxxxxxxxxx</b>", written[2999].GetProperty("Note").GetProperty("value").GetString());
    }

    [Fact]
    public async Task A_withheld_credential_is_named_without_its_value()
    {
        var row = new Dictionary<string, SubjectField>
        {
            ["PasswordHash"] = new(null, Personal: true, PersonalDataCategory.Credentials, [], null, Withheld: true),
        };
        var export = new SubjectExport("7", DateTimeOffset.UnixEpoch, [new SubjectEntityExport("User", "users", [row])]);

        await using var stream = new MemoryStream();
        await export.WriteJsonAsync(stream);

        var field = JsonDocument.Parse(Encoding.UTF8.GetString(stream.ToArray())).RootElement.GetProperty("entities")[0].GetProperty("rows")[0].GetProperty("PasswordHash");
        Assert.Equal(JsonValueKind.Null, field.GetProperty("value").ValueKind);
        Assert.Equal("credentials are held but not exported", field.GetProperty("withheld").GetString());
        Assert.Equal("Credentials", field.GetProperty("category").GetString());
    }
}
