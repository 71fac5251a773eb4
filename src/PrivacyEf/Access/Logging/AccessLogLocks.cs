using PrivacyEf.Kernel;

namespace PrivacyEf.Access.Logging;

/// <summary>The lock every append to the access log takes, in every process that shares the database.</summary>
internal static class AccessLogLocks
{
    /// <summary>
    /// "PrivLogA" as a 64-bit integer: fixed, so every instance of every application agrees. Held from before the
    /// head of the chain is read until the appended entries commit, so appends of several processes run one after
    /// another and never take the same sequence.
    /// </summary>
    public static readonly DatabaseLock Append = new("access-log", 0x5072_6976_4C6F_6741);
}
