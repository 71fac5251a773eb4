using Microsoft.EntityFrameworkCore;
using PrivacyEf.Commands;
using PrivacyEf.Tests.Access;
using PrivacyEf.Tests.Infrastructure;
using Spectre.Console.Testing;

namespace PrivacyEf.Tests.Commands;

/// <summary><c>privacy verify-log --anchor FILE</c>: an anchor kept outside the database catches an emptied or cut-off log.</summary>
public abstract class VerifyLogAnchorTests(DatabaseTarget target) : IDisposable
{
    private readonly DirectoryInfo anchors = Directory.CreateTempSubdirectory("privacyef-anchor-");

    protected DatabaseTarget Target { get; } = target;

    [SkippableFact]
    public async Task The_anchor_file_is_written_moved_forward_and_catches_an_emptied_log()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var anchor = Path.Combine(anchors.FullName, "access-log.anchor.json");
        await ReadAsync(app);

        var first = new TestConsole();
        Assert.Equal(0, await VerifyAsync(app, first, "--anchor", anchor));
        Assert.Contains("anchor written", first.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(anchor));

        await ReadAsync(app);
        var second = new TestConsole();
        Assert.Equal(0, await VerifyAsync(app, second, "--anchor", anchor));
        Assert.Contains("still holds the anchor's head #1; anchor moved to #2", second.Output, StringComparison.Ordinal);

        await using (var db = app.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM privacy_access_log");
        }

        var emptied = new TestConsole();
        Assert.Equal(0, await VerifyAsync(app, new TestConsole()));
        Assert.Equal(1, await VerifyAsync(app, emptied, "--anchor", anchor));
        Assert.Contains("access log broken at entry 2", emptied.Output, StringComparison.Ordinal);
        Assert.Contains("empty", emptied.Output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task A_file_that_is_not_an_anchor_is_an_error_that_names_it()
    {
        using var app = await AccessApp.CreateAsync(Target);
        var anchor = Path.Combine(anchors.FullName, "notes.txt");
        await File.WriteAllTextAsync(anchor, "{ \"something\": \"else\" }");

        var console = new TestConsole();
        Assert.Equal(1, await VerifyAsync(app, console, "--anchor", anchor));
        Assert.Contains("error:", console.Output, StringComparison.Ordinal);
        Assert.Contains("notes.txt", string.Join(' ', console.Output.Split('\n', StringSplitOptions.TrimEntries)), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        anchors.Delete(recursive: true);
        (Target as IDisposable)?.Dispose();
        GC.SuppressFinalize(this);
    }

    private static async Task ReadAsync(AccessApp app)
    {
        await using var db = app.NewContext();
        using (AccessApp.Agent())
        {
            await db.Patrons.AsNoTracking().Where(p => p.Id == 1).ToListAsync();
        }

        await db.FlushAccessLogAsync();
    }

    private static Task<int> VerifyAsync(AccessApp app, TestConsole console, params string[] options)
    {
        console.Profile.Width = 400;
        return PrivacyCommands.Create<Model.Access.AccessDbContext>(app.Services, console).Parse(["verify-log", .. options]).InvokeAsync();
    }
}
