namespace PrivacyEf.Kernel;

/// <summary>
/// A lock shared by every process that uses one database. Fixed values, so every instance of every application
/// agrees: <paramref name="Key"/> for providers that lock by number (PostgreSQL advisory locks), <paramref name="Name"/>
/// for those that lock by name (a lock file, SQL Server's <c>sp_getapplock</c>).
/// </summary>
/// <param name="Name">A short name, usable in a file name.</param>
/// <param name="Key">A 64-bit key.</param>
internal sealed record DatabaseLock(string Name, long Key);
