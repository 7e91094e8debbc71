using System.Diagnostics;
using System.Net;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>
/// The server as a real separate process (the published Server.dll next to the tests), so a test can kill it with
/// SIGKILL at any moment and start it again on the same database.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];

    private ServerProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Client.DefaultRequestHeaders.Add("X-Api-Key", TestKeys.Admin);
    }

    public Uri BaseAddress { get; }

    /// <summary>The operating system's id of the process, which is part of the node id the server writes in its leases and claims.</summary>
    public int ProcessId => _process.Id;

    public HttpClient Client { get; }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(80));
            }
        }
    }

    /// <summary>Everything the process wrote so far, for a run that keeps its nodes' logs.</summary>
    public async Task SaveOutputAsync(string path)
    {
        string[] lines;
        lock (_output)
        {
            lines = [.. _output];
        }

        await File.WriteAllLinesAsync(path, lines);
    }

    public static async Task<ServerProcess> StartAsync(IDictionary<string, string> environment)
    {
        var port = LoopbackPort.Free();
        var serverDll = Path.Combine(AppContext.BaseDirectory, "ChangeOrchestrator.Server.dll");
        var start = new ProcessStartInfo("dotnet", [serverDll, "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The sandbox is on by default only in Development; these processes run in Testing and want it unless they say.
        start.Environment["Sandbox__Enabled"] = "true";
        foreach (var (key, value) in TestKeys.AsConfiguration("__"))
        {
            start.Environment[key] = value;
        }

        // An empty value removes a default, e.g. Sandbox__Enabled to see what the environment alone decides.
        foreach (var (key, value) in environment)
        {
            if (value.Length == 0)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the server process");
        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => server.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => server.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync();
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly like a node dying.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>Waits until a line the process wrote contains <paramref name="text"/>; fails with its last output after <paramref name="limit"/>.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan limit)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!Wrote(text))
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < limit, $"the node did not log '{text}' within {limit}:{Environment.NewLine}{Output}");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to end by itself (a fault drill that kills it); false when it is still running.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGTERM: a graceful shutdown, which cancels the work in flight, as when a node is stopped or redeployed.</summary>
    public async Task TerminateAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        await signal.WaitForExitAsync();
        if (!await WaitForExitAsync(TimeSpan.FromSeconds(40)))
        {
            Kill();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        Client.Dispose();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitReadyAsync()
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"server exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await Client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"server not ready within 60 s:{Environment.NewLine}{Output}");
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

    private bool Wrote(string text)
    {
        lock (_output)
        {
            return _output.Exists(line => line.Contains(text, StringComparison.Ordinal));
        }
    }
}
