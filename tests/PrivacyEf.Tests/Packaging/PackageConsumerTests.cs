using System.Globalization;
using System.Xml.Linq;
using PrivacyEf.Tests.Infrastructure;

namespace PrivacyEf.Tests.Packaging;

/// <summary>
/// Packs PrivacyEf, then builds and runs a fresh consumer that references only the package from a local
/// feed: the generator must run from the package's analyzers folder and the runtime must encrypt.
/// </summary>
public sealed class PackageConsumerTests : IDisposable
{
    private static readonly string[] CopiedEntries = ["src", "generators", "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "README.md", "LICENSE"];

    private readonly string workspace = Directory.CreateTempSubdirectory("privacyef-pack-").FullName;

    [Fact]
    public async Task A_consumer_of_the_package_gets_the_generator_and_the_runtime()
    {
        // Packed from a copy, so the pack's builds never touch the outputs these tests run from.
        var source = Path.Combine(workspace, "source");
        foreach (var entry in CopiedEntries)
        {
            Copy(Path.Combine(RepositoryLayout.Root, entry), Path.Combine(source, entry));
        }

        var feed = Path.Combine(workspace, "feed");
        var version = "0.0.0-pack." + DateTime.UtcNow.ToString("yyyyMMddHHmmssfff", CultureInfo.InvariantCulture);
        await RunAsync(source, "dotnet", "pack", Path.Combine("src", "PrivacyEf", "PrivacyEf.csproj"), "-c", "Release", "-o", feed, "-p:PackageVersion=" + version);

        var package = Path.Combine(feed, $"PrivacyEf.{version}.nupkg");
        using (var archive = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = archive.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("analyzers/dotnet/cs/PrivacyEf.Generators.dll", entries);
            Assert.Contains("lib/net10.0/PrivacyEf.dll", entries);
            Assert.Contains("lib/net10.0/PrivacyEf.xml", entries);
            Assert.Contains("README.md", entries);
            Assert.Contains("LICENSE", entries);
        }

        var consumer = Path.Combine(workspace, "consumer");
        Directory.CreateDirectory(consumer);
        await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), new XDocument(
            new XElement("configuration",
                new XElement("packageSources",
                    new XElement("add", new XAttribute("key", "local"), new XAttribute("value", feed)),
                    new XElement("add", new XAttribute("key", "nuget.org"), new XAttribute("value", "https://api.nuget.org/v3/index.json"))))).ToString());
        await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <NoWarn>$(NoWarn);CS1591</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="PrivacyEf" Version="{version}" />
                <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="10.0.15" />
                <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="10.0.15" />
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(consumer, "Program.cs"), """
            using Microsoft.AspNetCore.DataProtection;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.Extensions.DependencyInjection;
            using PrivacyEf;

            var directory = args[0];
            var services = new ServiceCollection();
            services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(directory, "keys")));
            services.AddPrivacy();
            services.AddDbContext<ShopDb>((sp, o) => o.UseSqlite($"Data Source={Path.Combine(directory, "shop.db")}").UsePrivacy(sp));
            await using var provider = services.BuildServiceProvider();
            using (var scope = provider.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
                await db.Database.EnsureCreatedAsync();
                using (Privacy.System("package test: seed"))
                {
                    db.Buyers.Add(new Buyer { Email = "buyer@example.com" });
                    await db.SaveChangesAsync();
                }
            }

            using (var scope = provider.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<ShopDb>();
                var stored = await db.Database.SqlQuery<string>($"SELECT \"Email\" AS \"Value\" FROM \"Buyers\"").SingleAsync();
                using (Privacy.System("package test"))
                {
                    var found = await db.Buyers.AsNoTracking().SingleAsync(b => b.Email == "buyer@example.com");
                    Console.WriteLine($"stored={stored[..4]} read={found.Email} generated={BuyerPrivacy.Metadata.Properties[0].Name}");
                }
            }

            public class Buyer
            {
                [DataSubject]
                public int Id { get; set; }

                [Personal(PersonalDataCategory.Contact, Encrypt = true, Searchable = true)]
                public string Email { get; set; } = "";
            }

            public class ShopDb(DbContextOptions<ShopDb> options) : DbContext(options)
            {
                public DbSet<Buyer> Buyers => Set<Buyer>();
            }
            """);

        var output = await RunAsync(consumer, "dotnet", "run", "--", workspace);
        Assert.Contains("stored=pef: read=buyer@example.com generated=Email", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(workspace, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the temp cleaner gets it.
        }
    }

    private static async Task<string> RunAsync(string workingDirectory, string fileName, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, workingDirectory, TimeSpan.FromMinutes(10));
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.StandardOutput;
    }

    private static void Copy(string from, string to)
    {
        if (File.Exists(from))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(from, to);
            return;
        }

        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            {
                continue;
            }

            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
