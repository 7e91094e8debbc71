using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// A dll built beside the benchmarks (the server, the simulators) run under <c>dotnet</c> as a process of its own on a
/// loopback port, so its CPU time and memory are its own; killed when disposed.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    // /proc reports CPU time in clock ticks, which Linux fixes at 100 per second for user space (USER_HZ).
    private const double TicksPerSecond = 100;

    // Only the last lines go into an error message; the rest is dropped so a chatty process cannot fill memory.
    private const int OutputLinesShown = 40;
    private const int OutputLinesKept = 400;

    private readonly Process _process;
    private readonly string _name;
    private readonly List<string> _output = [];

    private ChildProcess(Process process, string name, Uri address)
    {
        _process = process;
        _name = name;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    /// <summary>
    /// Starts <paramref name="dll"/> from the benchmark's build output, configured by <paramref name="environment"/> on top
    /// of the benchmark's own variables, and waits until <paramref name="readyPath"/> answers 200.
    /// </summary>
    /// <exception cref="InvalidOperationException">The process exited or did not answer <paramref name="readyPath"/> within two minutes.</exception>
    public static async Task<ChildProcess> StartAsync(
        string dll, IReadOnlyDictionary<string, string> environment, string readyPath, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, dll), "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{dll} did not start.");
        var child = new ChildProcess(process, dll, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => child.Capture(e.Data);
        process.ErrorDataReceived += (_, e) => child.Capture(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await child.WaitReadyAsync(readyPath, cancellationToken);
        }
        catch
        {
            await child.DisposeAsync();
            throw;
        }

        return child;
    }

    /// <summary>User plus system CPU seconds the process has used so far (/proc/[pid]/stat, fields 14 and 15).</summary>
    public double CpuSeconds()
    {
        return ProcStat.Parse(File.ReadAllText($"/proc/{_process.Id}/stat")).CpuTicks / TicksPerSecond;
    }

    /// <summary>The resident set of the process now, in bytes.</summary>
    public long WorkingSetBytes()
    {
        _process.Refresh();
        return _process.WorkingSet64;
    }

    /// <summary>The peak resident set of the process's life so far, in MiB (VmHWM in /proc/[pid]/status).</summary>
    public double PeakWorkingSetMiB()
    {
        var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kib / 1024.0;
    }

    /// <summary>
    /// Starts the peak resident set (VmHWM) over from the resident set now: Linux resets it when 5 is written to
    /// /proc/[pid]/clear_refs, which needs the same user as the process.
    /// </summary>
    public void ResetPeakWorkingSet() => File.WriteAllText($"/proc/{_process.Id}/clear_refs", "5");

    /// <summary>The last lines the process wrote, for an error message.</summary>
    public string Output()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output.TakeLast(OutputLinesShown));
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitReadyAsync(string readyPath, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(10) };
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{_name} exited with {_process.ExitCode}:{Environment.NewLine}{Output()}");
            }

            try
            {
                using var response = await client.GetAsync(readyPath, cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet, or still building its state (the simulators generate their fleet first).
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new InvalidOperationException($"{_name} was not ready within two minutes:{Environment.NewLine}{Output()}");
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
            if (_output.Count > OutputLinesKept)
            {
                _output.RemoveRange(0, OutputLinesKept / 2);
            }
        }
    }
}
