using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Benchmarks.History;

/// <summary>
/// The real server (ChangeOrchestrator.Server.dll, built beside the benchmarks) as a process of its own on a loopback
/// port, over one PostgreSQL database, with a client holding a viewer API key; killed when disposed.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const string ApiKey = "bench-history-viewer-key";

    private readonly List<string> _output = [];
    private readonly string _workflows;

    private ServerProcess(Process process, Uri address, string workflows)
    {
        Process = process;
        _workflows = workflows;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Process Process { get; }

    public HttpClient Client { get; }

    /// <exception cref="InvalidOperationException">The server exited or did not become ready within a minute.</exception>
    public static async Task<ServerProcess> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "ChangeOrchestrator.Server.dll");
        var port = FreePort();
        var workflows = Directory.CreateTempSubdirectory("co-bench-workflows-").FullName;
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Persistence__Provider"] = "Postgres",
            ["Persistence__MigrateOnStartup"] = "false",
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Workflows__Folder"] = workflows,
            ["Sandbox__Enabled"] = "false",
            ["Auth__ApiKeys__0__Name"] = "bench-viewer",
            ["Auth__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Auth__ApiKeys__0__Roles__0"] = "Viewer",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), workflows);
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    public ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            Process.WaitForExit(10_000);
        }

        Client.Dispose();
        Process.Dispose();
        Directory.Delete(_workflows, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (Process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {Process.ExitCode}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await Client.GetAsync("health/ready", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"The server was not ready within a minute:{Environment.NewLine}{Output()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Capture(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(40));
        }
    }
}
