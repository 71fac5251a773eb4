namespace PrivacyEf.Commands;

/// <summary>The process exit codes of the privacy commands.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    public const int Failure = 1;

    /// <summary>128 + SIGINT, what shells report for a run stopped with Ctrl+C.</summary>
    public const int Cancelled = 130;
}
