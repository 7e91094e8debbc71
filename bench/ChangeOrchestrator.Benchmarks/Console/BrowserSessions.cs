using System.Diagnostics;
using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// The <see cref="WatchingSessions"/> in a process of their own (this program started again with
/// <see cref="BrowserSessionsHost.Argument"/>), driven over its standard input and output. Playwright relays every
/// WebSocket frame the pages send or receive to the process that drives the browser, whether it listens or not, so
/// in the measuring process that relay (tens of frames a second, hundreds of KiB, parsed as JSON) would run on the
/// engine's core during the loads with sessions only, and be counted as the sessions' cost to the engine. In a process
/// of its own, started on the browsers' cores, it stays on the browsers' side.
/// </summary>
internal sealed class BrowserSessions : IAsyncDisposable
{
    private readonly Process _process;

    private BrowserSessions(Process process) => _process = process;

    /// <summary>The host process's id: it, Playwright's driver and the browser are its process tree.</summary>
    public int Id => _process.Id;

    /// <summary>Starts the host, on <paramref name="cores"/> (as <c>taskset -c</c> takes them) when given, else where this process runs.</summary>
    public static async Task<BrowserSessions> StartAsync(string? cores, CancellationToken cancellationToken)
    {
        var program = Environment.ProcessPath ?? "dotnet";
        List<string> arguments = Path.GetFileNameWithoutExtension(program) == "dotnet"
            ? [typeof(BrowserSessions).Assembly.Location, BrowserSessionsHost.Argument]
            : [BrowserSessionsHost.Argument];
        var start = cores is null
            ? new ProcessStartInfo(program, arguments)
            : new ProcessStartInfo(CorePlacement.TaskSet, ["-c", cores, program, .. arguments]);
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = false;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The browser sessions' process did not start.");
        var sessions = new BrowserSessions(process);
        await sessions.AskAsync("ready", cancellationToken);
        return sessions;
    }

    /// <summary>Signs in once and opens each path in a browser session of its own, waiting until each is live.</summary>
    public Task OpenAsync(Uri server, string user, string password, IReadOnlyList<string> paths, CancellationToken cancellationToken) =>
        AskAsync($"open {server} {user} {password} {string.Join(',', paths)}", cancellationToken);

    /// <summary>Opens every page again, waiting until each is live.</summary>
    public Task ReopenAsync(CancellationToken cancellationToken) => AskAsync("reopen", cancellationToken);

    /// <summary>Leaves every page for <c>about:blank</c>, which ends its circuit on the server.</summary>
    public Task CloseAllAsync(CancellationToken cancellationToken) => AskAsync("close", cancellationToken);

    /// <summary>Bytes and WebSocket frames the pages received over their live connections since the start.</summary>
    public async Task<(long Bytes, long Frames)> ReceivedAsync(CancellationToken cancellationToken)
    {
        var answer = (await AskAsync("received", cancellationToken)).Split(' ');
        return (long.Parse(answer[0], CultureInfo.InvariantCulture), long.Parse(answer[1], CultureInfo.InvariantCulture));
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                await AskAsync("exit", CancellationToken.None);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or TimeoutException)
        {
            _process.Kill(entireProcessTree: true);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private async Task<string> AskAsync(string command, CancellationToken cancellationToken)
    {
        if (command != "ready")
        {
            await _process.StandardInput.WriteLineAsync(command.AsMemory(), cancellationToken);
            await _process.StandardInput.FlushAsync(cancellationToken);
        }

        var answer = await _process.StandardOutput.ReadLineAsync(cancellationToken)
            ?? throw new InvalidOperationException($"The browser sessions' process ended before answering '{command.Split(' ')[0]}'.");
        return answer.StartsWith("ok", StringComparison.Ordinal)
            ? answer[2..].Trim()
            : throw new InvalidOperationException($"The browser sessions' process answered '{command.Split(' ')[0]}' with: {answer}");
    }
}
