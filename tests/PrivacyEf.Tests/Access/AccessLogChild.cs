using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace PrivacyEf.Tests.Access;

/// <summary>
/// One running PrivacyEf.AccessLogChild: another instance of the access application, in its own process. It prints
/// "ready", waits for <see cref="Go"/>, then prints "read n" as each of its reads returns and "flushed" at the end.
/// </summary>
internal sealed class AccessLogChild : IDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentQueue<string> errors = new();
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AccessLogChild(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                outputClosed.TrySetResult();
            }
            else
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                errors.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>How many reads the child has printed as returned so far.</summary>
    public int ReadsReturned => lines.Count(l => l.StartsWith("read ", StringComparison.Ordinal));

    public string Output => string.Join('\n', lines) + "\n--- stderr ---\n" + string.Join('\n', errors);

    public static AccessLogChild Start(string databaseKind, string connectionString, string keyRing, string actor, int reads, string durability, int queueCapacity)
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var child = Path.GetFullPath(Path.Combine(testOutput.FullName, "..", "..", "..", "..", "PrivacyEf.AccessLogChild", "bin", testOutput.Parent!.Name, testOutput.Name, "PrivacyEf.AccessLogChild.dll"));
        Assert.True(File.Exists(child), $"The child application was not built at {child}.");
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { child, databaseKind, connectionString, keyRing, actor, reads.ToString(CultureInfo.InvariantCulture), durability, queueCapacity.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        return new AccessLogChild(Process.Start(start)!);
    }

    public Task WaitUntilReadyAsync(TimeSpan timeout) => WaitForAsync(() => lines.Contains("ready"), "ready", timeout);

    public Task WaitForReadsAsync(int reads, TimeSpan timeout) => WaitForAsync(() => ReadsReturned >= reads, $"{reads} reads", timeout);

    /// <summary>Lets the child start reading.</summary>
    public void Go()
    {
        process.StandardInput.WriteLine("go");
        process.StandardInput.Flush();
    }

    /// <summary>Waits for the child to end on its own and asserts it succeeded.</summary>
    public async Task WaitForSuccessAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            await outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"The child did not finish within {timeout.TotalSeconds:0} s:\n{Output}");
        }

        Assert.True(process.ExitCode == 0, $"The child exited with {process.ExitCode}:\n{Output}");
        Assert.Contains("flushed", lines);
    }

    /// <summary>Kills the child at once (no shutdown, no flush), like a crash, and waits until everything it printed is read.</summary>
    public async Task KillAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        await outputClosed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private async Task WaitForAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (process.HasExited && !condition())
            {
                Assert.Fail($"The child exited with {process.ExitCode} before {what}:\n{Output}");
            }

            if (deadline.Elapsed > timeout)
            {
                Assert.Fail($"The child did not reach {what} within {timeout.TotalSeconds:0} s:\n{Output}");
            }

            await Task.Delay(20);
        }
    }
}
