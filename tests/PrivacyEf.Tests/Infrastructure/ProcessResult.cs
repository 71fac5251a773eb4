using System.Globalization;
using System.Text;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>What a finished child process left: its exit code and everything it printed.</summary>
internal sealed record ProcessResult(string Command, int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The command, its exit code and its output, for an exception message.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"`{Command}` exited with code {ExitCode}.");
        if (!string.IsNullOrWhiteSpace(StandardError))
        {
            text.AppendLine().Append("stderr:").AppendLine().Append(StandardError.TrimEnd());
        }

        if (!string.IsNullOrWhiteSpace(StandardOutput))
        {
            text.AppendLine().Append("stdout:").AppendLine().Append(StandardOutput.TrimEnd());
        }

        return text.ToString();
    }
}
