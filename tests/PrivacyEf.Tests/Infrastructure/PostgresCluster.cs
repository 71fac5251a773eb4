using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PrivacyEf.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into a new temporary folder, <c>pg_ctl start</c> on a free loopback
/// port with durability switched off, and on dispose an immediate stop and the folder deleted. PostgreSQL refuses to
/// run as root, so when the tests run as root the server commands run as the <c>postgres</c> OS user through
/// <c>runuser</c>. Clients connect over TCP to 127.0.0.1 as the superuser <c>postgres</c> with trust authentication.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private const string ServerUser = "postgres";
    private const int StartAttempts = 3;
    private const int LogTailLines = 40;

    private static readonly string[] SystemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    private static readonly string[] PortInUseSignals =
    [
        "Address already in use",
        "could not bind",
        "could not create any TCP/IP sockets",
    ];

    // Resolved once. UnavailableReason is computed from this, so it is declared (and so initialized) first.
    private static readonly (string? InitDb, string? PgCtl) ServerTools = FindServerTools();

    private readonly string dataDirectory;
    private readonly string logPath;
    private readonly string pgCtl;
    private readonly string? runUser;
    private int disposed;

    private PostgresCluster(string baseDirectory, string pgCtl, string? runUser)
    {
        BaseDirectory = baseDirectory;
        dataDirectory = Path.Combine(baseDirectory, "data");
        logPath = Path.Combine(baseDirectory, "log.txt");
        this.pgCtl = pgCtl;
        this.runUser = runUser;
    }

    /// <summary>Null when <c>initdb</c> and <c>pg_ctl</c> were found; otherwise why a cluster cannot be started here.</summary>
    public static string? UnavailableReason { get; } = ServerTools switch
    {
        (null, null) => "initdb and pg_ctl were not found on PATH or in /usr/lib/postgresql/*/bin (install the PostgreSQL server, e.g. the Debian package postgresql)",
        (null, _) => "initdb was not found on PATH or in /usr/lib/postgresql/*/bin (install the PostgreSQL server, e.g. the Debian package postgresql)",
        (_, null) => "pg_ctl was not found on PATH or in /usr/lib/postgresql/*/bin (install the PostgreSQL server, e.g. the Debian package postgresql)",
        _ => null,
    };

    /// <summary>Under CI=true a missing PostgreSQL fails the run instead of skipping its tests.</summary>
    public static bool IsRequired => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The temporary folder holding the data directory, the server log (log.txt) and the Unix socket.</summary>
    public string BaseDirectory { get; }

    /// <summary>The loopback TCP port the server listens on.</summary>
    public int Port { get; private set; }

    public string AdminConnectionString => ConnectionString("postgres");

    /// <summary>An Npgsql connection string for <paramref name="database"/> on this cluster.</summary>
    /// <remarks>
    /// Every test has a database of its own, so a pool of its own: idle connections are closed after a few seconds
    /// (Npgsql keeps them five minutes by default), or hundreds of finished tests' pools exhaust the server's
    /// connections.
    /// </remarks>
    public string ConnectionString(string database) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true;Connection Idle Lifetime=5;Connection Pruning Interval=1;Include Error Detail=true;Timeout=30");

    /// <summary>Creates, initializes and starts a new cluster; throws <see cref="InvalidOperationException"/> with the details when that fails.</summary>
    public static async Task<PostgresCluster> StartAsync()
    {
        if (ServerTools is not (string initDb, string pgCtl))
        {
            throw new InvalidOperationException($"PostgreSQL cannot be started: {UnavailableReason}");
        }

        string? runUser = null;
        if (await IsRootAsync().ConfigureAwait(false))
        {
            runUser = FindExecutable("runuser", SystemDirectories)
                ?? throw new InvalidOperationException(
                    "Running as root, PostgreSQL has to run as the postgres OS user, but runuser was not found on PATH or in /usr/sbin or /sbin.");
        }

        var baseDirectory = Path.Combine(Path.GetTempPath(), "privacyef-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(baseDirectory);
        var cluster = new PostgresCluster(baseDirectory, pgCtl, runUser);
        try
        {
            await cluster.InitializeAsync(initDb).ConfigureAwait(false);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server at once (<c>-m immediate</c>) and deletes the temporary folder. Safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        if (File.Exists(Path.Combine(dataDirectory, "postmaster.pid")))
        {
            var stopped = await StopServerAsync().ConfigureAwait(false);
            if (stopped is not { Succeeded: true })
            {
                await KillPostmasterAsync().ConfigureAwait(false);
            }
        }

        await DeleteBaseDirectoryAsync().ConfigureAwait(false);
    }

    private async Task InitializeAsync(string initDb)
    {
        if (runUser is not null)
        {
            var chown = FindExecutable("chown", SystemDirectories) ?? "chown";
            var owned = await ProcessRunner.RunAsync(chown, [ServerUser, BaseDirectory]).ConfigureAwait(false);
            if (!owned.Succeeded)
            {
                throw new InvalidOperationException(
                    $"Could not hand {BaseDirectory} to the {ServerUser} OS user (does that user exist?).{Environment.NewLine}{owned.Describe()}");
            }
        }

        var initialized = await RunServerToolAsync(
            initDb,
            "-D", dataDirectory, "-U", ServerUser, "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C").ConfigureAwait(false);
        if (!initialized.Succeeded)
        {
            throw new InvalidOperationException($"initdb failed{AsWhom()}.{Environment.NewLine}{initialized.Describe()}");
        }

        for (var attempt = 1; ; attempt++)
        {
            Port = FreeLoopbackPort();
            TryDeleteFile(logPath);
            var options = string.Create(
                CultureInfo.InvariantCulture,
                $"-p {Port} -h 127.0.0.1 -k '{BaseDirectory}' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300");
            var started = await RunServerToolAsync(
                pgCtl,
                "-D", dataDirectory, "-l", logPath, "-w", "-t", "60", "-o", options, "start").ConfigureAwait(false);
            if (started.Succeeded)
            {
                return;
            }

            var log = LogTail();

            // A server that did not come up in time may still be starting: make sure it is down before going on.
            await StopServerAsync().ConfigureAwait(false);

            var portTaken = PortInUseSignals.Any(signal =>
                log.Contains(signal, StringComparison.OrdinalIgnoreCase)
                || started.StandardError.Contains(signal, StringComparison.OrdinalIgnoreCase)
                || started.StandardOutput.Contains(signal, StringComparison.OrdinalIgnoreCase));
            if (portTaken && attempt < StartAttempts)
            {
                continue;
            }

            throw new InvalidOperationException(
                string.Create(CultureInfo.InvariantCulture, $"pg_ctl start failed{AsWhom()} on port {Port} (attempt {attempt} of {StartAttempts}).")
                + Environment.NewLine + started.Describe()
                + Environment.NewLine + $"Last lines of {logPath}:" + Environment.NewLine + log);
        }
    }

    private async Task<ProcessResult?> StopServerAsync()
    {
        try
        {
            return await RunServerToolAsync(pgCtl, "-D", dataDirectory, "-m", "immediate", "-w", "stop").ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The last resort when pg_ctl could not stop the server: kill the postmaster named in postmaster.pid.</summary>
    private async Task KillPostmasterAsync()
    {
        string? firstLine;
        try
        {
            firstLine = File.ReadLines(Path.Combine(dataDirectory, "postmaster.pid")).FirstOrDefault();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        if (!int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(pid);
            if (!postmaster.ProcessName.Contains("postgres", StringComparison.OrdinalIgnoreCase))
            {
                return; // The PID file is stale and the number now belongs to someone else.
            }

            postmaster.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await postmaster.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException
            or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            // Not running any more, or beyond our reach; nothing else to try.
        }
    }

    private async Task DeleteBaseDirectoryAsync()
    {
        for (var attempt = 1; attempt <= 3 && Directory.Exists(BaseDirectory); attempt++)
        {
            try
            {
                Directory.Delete(BaseDirectory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A file the stopping server was still writing; try again shortly, then give up quietly.
                await Task.Delay(TimeSpan.FromMilliseconds(200)).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs a PostgreSQL server tool, as the postgres OS user when we are root.</summary>
    private Task<ProcessResult> RunServerToolAsync(string tool, params string[] arguments) =>
        runUser is null
            ? ProcessRunner.RunAsync(tool, arguments, BaseDirectory)
            : ProcessRunner.RunAsync(runUser, ["-u", ServerUser, "--", tool, .. arguments], BaseDirectory);

    private string AsWhom() => runUser is null ? "" : $" (run as the {ServerUser} OS user via runuser)";

    private string LogTail()
    {
        try
        {
            if (!File.Exists(logPath))
            {
                return "(no server log was written)";
            }

            var lines = File.ReadAllLines(logPath);
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - LogTailLines)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"(the server log could not be read: {exception.Message})";
        }
    }

    private static void TryDeleteFile(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // pg_ctl appends to it; a leftover only makes the log longer.
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<bool> IsRootAsync()
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        if (string.Equals(Environment.UserName, "root", StringComparison.Ordinal))
        {
            return true;
        }

        try
        {
            var id = await ProcessRunner.RunAsync(FindExecutable("id", SystemDirectories) ?? "id", ["-u"]).ConfigureAwait(false);
            return id.Succeeded && string.Equals(id.StandardOutput.Trim(), "0", StringComparison.Ordinal);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// initdb and pg_ctl from the first folder that has both, searching PATH and then /usr/lib/postgresql/*/bin
    /// (newest major version first); failing that, each from wherever it is found first.
    /// </summary>
    private static (string? InitDb, string? PgCtl) FindServerTools()
    {
        var directories = PathDirectories().Concat(DebianPostgresDirectories()).ToList();
        foreach (var directory in directories)
        {
            var initDb = ExecutableIn(directory, "initdb");
            var pgCtl = ExecutableIn(directory, "pg_ctl");
            if (initDb is not null && pgCtl is not null)
            {
                return (initDb, pgCtl);
            }
        }

        return (
            directories.Select(directory => ExecutableIn(directory, "initdb")).FirstOrDefault(path => path is not null),
            directories.Select(directory => ExecutableIn(directory, "pg_ctl")).FirstOrDefault(path => path is not null));
    }

    private static string? FindExecutable(string name, IEnumerable<string> extraDirectories) =>
        PathDirectories().Concat(extraDirectories)
            .Select(directory => ExecutableIn(directory, name))
            .FirstOrDefault(path => path is not null);

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<string> DebianPostgresDirectories()
    {
        const string root = "/usr/lib/postgresql";
        if (OperatingSystem.IsWindows() || !Directory.Exists(root))
        {
            return [];
        }

        try
        {
            return Directory.GetDirectories(root)
                .OrderByDescending(
                    version => int.TryParse(Path.GetFileName(version), NumberStyles.Integer, CultureInfo.InvariantCulture, out var major) ? major : -1)
                .Select(version => Path.Combine(version, "bin"))
                .ToList();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? ExecutableIn(string directory, string name)
    {
        try
        {
            var path = Path.Combine(directory, OperatingSystem.IsWindows() ? name + ".exe" : name);
            if (!File.Exists(path))
            {
                return null;
            }

            if (OperatingSystem.IsWindows())
            {
                return path;
            }

            const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
            return (File.GetUnixFileMode(path) & anyExecute) != 0 ? path : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
