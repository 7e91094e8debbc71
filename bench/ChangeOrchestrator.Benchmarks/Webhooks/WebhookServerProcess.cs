using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace ChangeOrchestrator.Benchmarks.Webhooks;

/// <summary>
/// The real server (ChangeOrchestrator.Server.dll, built beside the benchmarks) as a process of its own over one
/// PostgreSQL database, with a Jira webhook secret and an operator key; killed when disposed.
/// </summary>
internal sealed class WebhookServerProcess : IAsyncDisposable
{
    public const string JiraSecret = "bench-jira-webhook-secret-0001";

    private const string ApiKey = "bench-webhooks-operator-key";

    private readonly Process _process;
    private readonly List<string> _output = [];
    private readonly string _workflows;

    private WebhookServerProcess(Process process, Uri address, string workflows)
    {
        _process = process;
        _workflows = workflows;
        Address = address;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public Uri Address { get; }

    /// <summary>A client with the operator key, for starting instances.</summary>
    public HttpClient Client { get; }

    /// <exception cref="InvalidOperationException">The server exited or did not become ready within a minute.</exception>
    public static async Task<WebhookServerProcess> StartAsync(string connectionString, IReadOnlyDictionary<string, string> workflows, CancellationToken cancellationToken)
    {
        var serverDll = Path.Combine(AppContext.BaseDirectory, "ChangeOrchestrator.Server.dll");
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("co-bench-webhooks-").FullName;
        foreach (var (id, json) in workflows)
        {
            await File.WriteAllTextAsync(Path.Combine(folder, id + ".json"), json, cancellationToken);
        }

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
            ["ConnectionStrings__Postgres"] = connectionString,
            ["Workflows__Folder"] = folder,
            ["Sandbox__Enabled"] = "false",
            ["Auth__ApiKeys__0__Name"] = "bench-operator",
            ["Auth__ApiKeys__0__Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ApiKey))),
            ["Auth__ApiKeys__0__Roles__0"] = "Operator",
            ["Webhooks__Jira__Secrets__0"] = JiraSecret,

            // The burst is the measurement: the per-source limit of a production setting would only measure the limiter.
            ["Webhooks__RateLimit__PermitsPerSecond"] = "100000",
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The server process did not start.");
        var server = new WebhookServerProcess(process, new Uri($"http://127.0.0.1:{port}/"), folder);
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
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        Client.Dispose();
        _process.Dispose();
        Directory.Delete(_workflows, recursive: true);
        return ValueTask.CompletedTask;
    }

    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(40));
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}:{Environment.NewLine}{Output()}");
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
}
