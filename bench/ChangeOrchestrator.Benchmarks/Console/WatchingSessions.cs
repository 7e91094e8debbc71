using System.Text;
using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// Browser sessions (Debian's chromium through Playwright, one context per session) each keeping a live console page
/// open: a circuit on the server that the engine's commits push refreshes to. The pages can be closed (left for
/// <c>about:blank</c>, which ends their circuits on the server) and opened again in the same signed-in sessions, so
/// that phases with and without sessions can alternate on one server.
/// </summary>
internal sealed class WatchingSessions : IAsyncDisposable
{
    // Pages opened at once: all 50 together would take the server's and the browser's cores for seconds.
    private const int OpenAtOnce = 10;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<(IPage Page, string Path)> _pages = [];
    private long _bytesReceived;
    private long _framesReceived;

    private WatchingSessions(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Debian's chromium, or the one <c>CHANGEORCHESTRATOR_CHROMIUM</c> names.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("CHANGEORCHESTRATOR_CHROMIUM") ?? "/usr/bin/chromium";

    /// <summary>Bytes the server pushed to the pages over their live connections (WebSocket frames received), since the start.</summary>
    public long BytesReceived => Interlocked.Read(ref _bytesReceived);

    /// <summary>WebSocket frames the pages received, since the start.</summary>
    public long FramesReceived => Interlocked.Read(ref _framesReceived);

    /// <summary>Starts the browser through <paramref name="executable"/> (chromium itself, or a launcher that places it on some cores).</summary>
    public static async Task<WatchingSessions> LaunchAsync(string executable)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new WatchingSessions(playwright, browser);
    }

    /// <summary>Signs in once with the local login and opens each path in a session of its own, waiting until each is live.</summary>
    public async Task OpenAsync(Uri server, string user, string password, IReadOnlyList<string> paths)
    {
        var first = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString() });
        first.SetDefaultTimeout(120_000);
        _contexts.Add(first);
        var signIn = await first.NewPageAsync();
        await signIn.GotoAsync("signin");
        await signIn.FillAsync("#username", user);
        await signIn.FillAsync("#password", password);
        await signIn.ClickAsync("button[type=submit]");
        await signIn.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        var state = await first.StorageStateAsync();
        await signIn.CloseAsync();

        foreach (var path in paths)
        {
            var context = await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.ToString(), StorageState = state });
            context.SetDefaultTimeout(120_000);
            _contexts.Add(context);
            var page = await context.NewPageAsync();
            page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) =>
            {
                Interlocked.Add(ref _bytesReceived, frame.Binary?.Length ?? Encoding.UTF8.GetByteCount(frame.Text ?? ""));
                Interlocked.Increment(ref _framesReceived);
            };
            _pages.Add((page, path));
        }

        await ReopenAsync();
    }

    /// <summary>Opens every page again at its path, waiting until each is live.</summary>
    public Task ReopenAsync() => EachAsync(async (page, path) =>
    {
        await page.GotoAsync(path);
        await page.Locator("main[data-live=true]").WaitForAsync();
    });

    /// <summary>Leaves every page for <c>about:blank</c>: the console tells the server as it unloads, which ends the page's circuit.</summary>
    public Task CloseAllAsync() => EachAsync((page, _) => page.GotoAsync("about:blank"));

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private async Task EachAsync(Func<IPage, string, Task> act)
    {
        foreach (var chunk in _pages.Chunk(OpenAtOnce))
        {
            await Task.WhenAll(chunk.Select(p => act(p.Page, p.Path)));
        }
    }
}
