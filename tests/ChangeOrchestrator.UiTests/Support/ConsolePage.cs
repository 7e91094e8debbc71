using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>A browser tab on the console with its own session, and the steps every scenario takes with it.</summary>
public sealed class ConsolePage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("signin");
        await Page.FillAsync("#username", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("button[type=submit]");
        await Page.WaitForURLAsync(url => !url.Contains("/signin", StringComparison.Ordinal));
        await WaitLiveAsync();
    }

    /// <summary>Opens a console page and waits until it is live (its connection is up, so buttons act).</summary>
    public async Task OpenAsync(string path)
    {
        await Page.GotoAsync(path.TrimStart('/'));
        await WaitLiveAsync();
    }

    public Task WaitLiveAsync() =>
        Page.Locator("main[data-live=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });

    /// <summary>Saves a screenshot into docs/images for the README.</summary>
    public async Task ScreenshotAsync(string name)
    {
        await Page.EvaluateAsync("window.scrollTo(0, 0)");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(RepositoryPaths.Images, name + ".png"), FullPage = false });
    }

    /// <summary>The accessibility violations axe-core finds that are serious or critical, described for an assertion message.</summary>
    public async Task<IReadOnlyList<string>> SeriousViolationsAsync()
    {
        var result = await Page.RunAxe();
        return
        [
            .. result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}"),
        ];
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
