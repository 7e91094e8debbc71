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

    /// <summary>Saves a screenshot of the top of the page for the README, when screenshots are asked for (see <see cref="Screenshots"/>).</summary>
    public async Task ScreenshotAsync(string name, bool fromTop = true)
    {
        if (fromTop && Screenshots.Enabled)
        {
            await Page.EvaluateAsync("window.scrollTo(0, 0)");
        }

        await Screenshots.SaveAsync(Page, name);
    }

    /// <summary>Polls the page (bounded, 3 minutes) until the condition holds; fails with what the page shows otherwise.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 900; attempt++)
        {
            if (await condition())
            {
                return;
            }

            await Page.WaitForTimeoutAsync(200);
        }

        Assert.Fail("The page never showed the expected state; it shows: " + await Page.Locator("main").TextContentAsync());
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
