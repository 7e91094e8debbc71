using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Console;

/// <summary>
/// Browser sessions (Debian's chromium through Playwright, one context per session) each keeping a live console page
/// open: a circuit on the server that the engine's commits push refreshes to.
/// </summary>
internal sealed class WatchingSessions : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly List<IBrowserContext> _contexts = [];

    private WatchingSessions(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    /// <summary>Debian's chromium, or the one <c>CHANGEORCHESTRATOR_CHROMIUM</c> names.</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("CHANGEORCHESTRATOR_CHROMIUM") ?? "/usr/bin/chromium";

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
            await page.GotoAsync(path);
            await page.Locator("main[data-live=true]").WaitForAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
