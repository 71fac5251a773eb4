using System.Diagnostics;
using System.Globalization;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>Runs a command to completion with its own argument list, capturing what it prints, under a time limit.</summary>
internal static class ProcessRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(90);

    /// <summary>How long to wait for the output pipes to close after the process itself has exited.</summary>
    private static readonly TimeSpan OutputGrace = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Runs <paramref name="fileName"/> with <paramref name="arguments"/> (each one passed as it is, no shell quoting)
    /// and returns its exit code and output. Throws <see cref="InvalidOperationException"/> when it cannot be started
    /// or does not finish within <paramref name="timeout"/> (90 s unless given); then the process tree is killed.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(arguments);

        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            CreateNoWindow = true,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        if (workingDirectory is not null)
        {
            startInfo.WorkingDirectory = workingDirectory;
        }

        var command = string.Join(' ', startInfo.ArgumentList.Prepend(fileName).Select(Quote));
        using var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new InvalidOperationException($"Could not start `{command}`: {exception.Message}", exception);
        }

        // Nothing we run reads standard input; closing it keeps a child from ever waiting on it.
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();

        var limit = timeout ?? DefaultTimeout;
        using (var cancellation = new CancellationTokenSource(limit))
        {
            try
            {
                await process.WaitForExitAsync(cancellation.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                KillTree(process);
                var partial = new ProcessResult(command, -1, await Drain(stdout).ConfigureAwait(false), await Drain(stderr).ConfigureAwait(false));
                throw new InvalidOperationException(
                    string.Create(CultureInfo.InvariantCulture, $"`{command}` did not finish within {limit.TotalSeconds:0} s and was killed.")
                    + Environment.NewLine + partial.Describe());
            }
        }

        return new ProcessResult(
            command,
            process.ExitCode,
            await Drain(stdout).ConfigureAwait(false),
            await Drain(stderr).ConfigureAwait(false));
    }

    /// <summary>An argument as a shell would need it, for messages only (it is passed to the process unquoted).</summary>
    private static string Quote(string argument) =>
        argument.Length > 0 && !argument.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '\\' or '$' or '`')
            ? argument
            : "\"" + argument.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)
                .Replace("$", "\\$", StringComparison.Ordinal).Replace("`", "\\`", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The text read from a pipe, waiting briefly: a grandchild that inherited the pipe could keep it open long
    /// after the process we ran has exited, and that must not hang the caller.
    /// </summary>
    private static async Task<string> Drain(Task<string> reading)
    {
        try
        {
            return await reading.WaitAsync(OutputGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return "(output still open after the process exited; not read)";
        }
        catch (IOException exception)
        {
            return $"(output could not be read: {exception.Message})";
        }
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited on its own meanwhile.
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // Could not be killed (already gone or not ours); the caller reports the timeout either way.
        }
    }
}
