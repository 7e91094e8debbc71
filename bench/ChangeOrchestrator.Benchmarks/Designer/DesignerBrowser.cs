using ChangeOrchestrator.Benchmarks.Console;
using Microsoft.Playwright;

namespace ChangeOrchestrator.Benchmarks.Designer;

/// <summary>
/// Debian's chromium through Playwright, signed in once with the local login; each <see cref="OpenAsync"/> is a new
/// tab, so a new Blazor Server connection (circuit), with the <see cref="PageProbe"/> and the <see cref="CircuitTraffic"/> count.
/// </summary>
internal sealed class DesignerBrowser : IAsyncDisposable
{
    private const int Timeout = 120_000;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;

    private DesignerBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
    }

    public CircuitTraffic Traffic { get; } = new();

    public static async Task<DesignerBrowser> SignInAsync(Uri server, string user, string password)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WatchingSessions.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = server.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 1000 },
        });
        context.SetDefaultTimeout(Timeout);
        await context.AddInitScriptAsync(PageProbe.Script);
        var signIn = await context.NewPageAsync();
        await signIn.GotoAsync("signin");
        await signIn.FillAsync("#username", user);
        await signIn.FillAsync("#password", password);
        await signIn.ClickAsync("button[type=submit]");
        await signIn.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await signIn.CloseAsync();
        return new DesignerBrowser(playwright, browser, context);
    }

    /// <summary>
    /// Opens the designer on <paramref name="workflowId"/> in a new tab and waits until all <paramref name="activities"/>
    /// are on the live canvas and then until the page has been still for <paramref name="quietMs"/>.
    /// </summary>
    public async Task<OpenedDesigner> OpenAsync(string workflowId, int activities, int quietMs)
    {
        var page = await _context.NewPageAsync();
        Traffic.Watch(page);
        Traffic.Take();
        await page.GotoAsync($"designer/{workflowId}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
        var interactive = await page.WaitForFunctionAsync(PageProbe.Interactive, activities, new PageWaitForFunctionOptions { PollingInterval = 5 });
        var interactiveAt = await interactive.JsonValueAsync<double>();
        var settledAt = await WaitForQuietAsync(page, quietMs);
        var phases = await page.EvaluateAsync<double[]>(PageProbe.Phases);
        return new OpenedDesigner(page, phases[0], phases[1], interactiveAt, settledAt, Traffic.Take());
    }

    /// <summary>Waits until the page has not changed for <paramref name="quietMs"/> and answers when it last changed.</summary>
    public static async Task<double> WaitForQuietAsync(IPage page, int quietMs)
    {
        await page.WaitForFunctionAsync(PageProbe.Quiet, quietMs, new PageWaitForFunctionOptions { PollingInterval = 50 });
        return await page.EvaluateAsync<double>(PageProbe.LastChange);
    }

    public async ValueTask DisposeAsync()
    {
        await _context.CloseAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }
}
