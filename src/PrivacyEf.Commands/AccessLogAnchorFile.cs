using System.Text.Json;

namespace PrivacyEf.Commands;

/// <summary>
/// An access log anchor kept in a file outside the database: the head (sequence and hash) a verification saw. Checked
/// against later, it shows a log emptied, cut off at the end, or rewritten from before that head.
/// </summary>
internal static class AccessLogAnchorFile
{
    private static readonly JsonSerializerOptions Format = new() { WriteIndented = true };

    /// <summary>The anchor in <paramref name="path"/>, or null when the file does not exist yet (the first run).</summary>
    public static async Task<AccessLogVerification?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var stream = File.OpenRead(path);
            await using (stream.ConfigureAwait(false))
            {
                var anchor = await JsonSerializer.DeserializeAsync<AccessLogVerification>(stream, Format, cancellationToken).ConfigureAwait(false);
                return anchor is { HeadHash.Length: 64, HeadSequence: >= 0 }
                    ? anchor
                    : throw new InvalidDataException($"The anchor file {path} holds no head sequence and 64-character head hash.");
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The anchor file {path} is not an access log anchor written by privacy verify-log: {exception.Message}", exception);
        }
    }

    /// <summary>Replaces the file with <paramref name="verification"/>, through a temporary file so a crash never leaves half an anchor.</summary>
    public static async Task WriteAsync(string path, AccessLogVerification verification, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        var stream = File.Create(temporary);
        await using (stream.ConfigureAwait(false))
        {
            await JsonSerializer.SerializeAsync(stream, verification, Format, cancellationToken).ConfigureAwait(false);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
