using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>The simulated ServiceNow approval page, used as a change manager uses it: find the change's row, decide.</summary>
public static class SimulatedApprovals
{
    /// <summary>Decides the change's pending approval; waits (reloading, bounded) for the row to appear first.</summary>
    public static async Task DecideAsync(IPage page, string number, bool approve, string? screenshot = null)
    {
        var row = page.Locator($"tr[data-number='{number}']");
        for (var attempt = 0; attempt < 60 && await row.CountAsync() == 0; attempt++)
        {
            await page.GotoAsync("sim/servicenow/approve");
            if (await row.CountAsync() == 0)
            {
                await page.WaitForTimeoutAsync(500);
            }
        }

        Assert.True(await row.CountAsync() > 0, $"{number} never waited for approval on the simulated ServiceNow page");
        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot);
        }

        await row.First.Locator($"button[value={(approve ? "approve" : "reject")}]").ClickAsync();
        await page.Locator("p.message").WaitForAsync();
        Assert.Contains(number, await page.Locator("p.message").TextContentAsync(), StringComparison.Ordinal);
    }
}
