using System.Diagnostics;
using System.Globalization;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb in a temporary folder, loopback only), so the test may restart it
/// without disturbing the shared server other tests use. The binaries come from <c>PG_BIN</c> (default
/// <c>/usr/lib/postgresql/15/bin</c>, where <c>.ci/prerequisites.sh</c> installs them); as root they run as the
/// <c>postgres</c> user, since PostgreSQL refuses to run as root.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;

    private PostgresCluster(string bin, string folder)
    {
        _bin = bin;
        _folder = folder;
    }

    public int Port { get; private set; }

    /// <summary>The server's connection string (database <c>postgres</c>), as <c>.ci/postgres.sh</c> prints it.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Maximum Pool Size=100";

    public static async Task<PostgresCluster> StartAsync()
    {
        var bin = Environment.GetEnvironmentVariable("PG_BIN") is { Length: > 0 } configured ? configured : "/usr/lib/postgresql/15/bin";
        if (!File.Exists(Path.Combine(bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL's binaries are not in {bin} (set PG_BIN, or run .ci/prerequisites.sh as root).");
        }

        var folder = Directory.CreateTempSubdirectory("changeorchestrator-pg-own.").FullName;
        var cluster = new PostgresCluster(bin, folder);
        if (IsRoot())
        {
            await RunAsync("chown", ["postgres:postgres", folder]);
        }

        await cluster.RunAsPostgresAsync("initdb", ["-D", cluster.Data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]);

        // The port is chosen before the server binds it, so a socket of a test running beside this one can take it in
        // between: a fresh port then, a few times, rather than a failed test.
        for (var attempt = 1; ; attempt++)
        {
            cluster.Port = LoopbackPort.Free();
            try
            {
                await cluster.StartServerAsync();
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && cluster.LogSaysPortTaken())
            {
            }
        }

        return cluster;
    }

    /// <summary>An immediate restart: every connection is cut with no shutdown checkpoint, as when the database crashes.</summary>
    public Task RestartImmediatelyAsync() => RunAsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "60", "restart"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsPostgresAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "-t", "60", "stop"]);
        }
        finally
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string Data => Path.Combine(_folder, "cluster");

    private string ServerLog => Path.Combine(_folder, "server.log");

    private Task StartServerAsync() => RunAsPostgresAsync("pg_ctl", [
        "-D", Data, "-l", ServerLog, "-w", "-t", "60",
        // A commit is acknowledged only once its WAL is written (synchronous_commit=on, PostgreSQL's default): a test
        // that crashes the server must not lose what it was told was committed. fsync stays off, as the machine
        // itself does not crash.
        "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c max_connections=300 -c fsync=off -c synchronous_commit=on",
        "start"]);

    private bool LogSaysPortTaken() => File.Exists(ServerLog) && File.ReadAllText(ServerLog).Contains("Address already in use", StringComparison.Ordinal);

    private Task RunAsPostgresAsync(string tool, IReadOnlyList<string> arguments) =>
        IsRoot()
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. arguments])
            : RunAsync(Path.Combine(_bin, tool), arguments);

    private static bool IsRoot() => Environment.UserName == "root";

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var said = await output + await error;
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{file} {string.Join(' ', arguments)} exited with {process.ExitCode}: {said}"));
        }
    }
}
