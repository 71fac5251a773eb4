namespace PrivacyEf.Tests.Packaging;

/// <summary>Finds the repository the tests were built from.</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PrivacyEf.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No PrivacyEf.sln above {AppContext.BaseDirectory}.");
    }
}
