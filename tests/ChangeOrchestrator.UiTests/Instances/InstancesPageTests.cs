using System.Text.Json.Nodes;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Instances;

[Collection(ConsoleCollection.Name)]
public sealed class InstancesPageTests(ConsoleServer server)
{
    [Fact]
    public async Task CancelAllMatching_FilterByWorkflowAndStatus_ConfirmsTheCountAndCancelsExactlyThose()
    {
        var matching = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            matching.Add(await server.StartThroughApiAsync("ui-bulk", new JsonObject { ["key"] = $"bulk-{i}" }));
        }

        var other = await server.StartAwaitingApprovalAsync("CHG0099100");
        await using var console = await server.SignInAsync("olga");
        var page = console.Page;
        await console.OpenAsync("instances");

        await page.GetByTestId("filter-workflow").SelectOptionAsync("ui-bulk");
        await page.GetByTestId("filter-status").SelectOptionAsync("Suspended");
        await page.GetByTestId("apply-filters").ClickAsync();
        await Assertions.Expect(page.Locator("tr[data-instance]")).ToHaveCountAsync(7);
        await console.ScreenshotAsync("console-instances");

        await page.GetByTestId("cancel-matching").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Assertions.Expect(dialog).ToContainTextAsync("Cancel the 7 instances matching the filter?");
        await console.ScreenshotAsync("console-bulk-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Cancel 7" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("bulk-result")).ToHaveTextAsync("Cancelled 7 of 7 instances.");
        await Assertions.Expect(page.Locator("tr[data-instance]")).ToHaveCountAsync(0);
        foreach (var id in matching)
        {
            Assert.Equal("Cancelled", await server.StatusAsync(id));
        }

        Assert.Equal("Suspended", await server.StatusAsync(other));
    }

    [Fact]
    public async Task Filter_ByWaitingActivityAndCorrelationId_ListsOnlyThatInstance()
    {
        var wanted = await server.StartAwaitingApprovalAsync("CHG0099200", "ui-filter-4711");
        await server.StartAwaitingApprovalAsync("CHG0099201");
        await using var console = await server.SignInAsync("victor");
        var page = console.Page;
        await console.OpenAsync("instances");

        await page.GetByTestId("filter-reference").FillAsync("ui-filter-4711");
        await page.GetByTestId("filter-waiting").FillAsync("wait");
        await page.GetByTestId("apply-filters").ClickAsync();

        await Assertions.Expect(page.Locator("tr[data-instance]")).ToHaveCountAsync(1);
        Assert.Equal(wanted, await page.Locator("tr[data-instance]").GetAttributeAsync("data-instance"));
        Assert.Equal(0, await page.GetByTestId("cancel-matching").CountAsync());
    }

    [Fact]
    public async Task Live_InstanceStartedAndCancelledWhileTwoPagesAreOpen_BothShowItWithoutReload()
    {
        await using var first = await server.SignInAsync("olga");
        await using var second = await server.SignInAsync("victor");
        await first.OpenAsync("instances");
        await second.OpenAsync("instances");

        // Faster than the pages' 10 s fallback: the engine's commit is pushed, and both pages share one read of it.
        var fast = new LocatorAssertionsToHaveCountOptions { Timeout = 8_000 };
        var started = await server.StartThroughApiAsync("ui-bulk", new JsonObject { ["key"] = "live-list" });
        foreach (var console in new[] { first, second })
        {
            await Assertions.Expect(console.Page.Locator($"tr[data-instance='{started}'] .co-status-Suspended")).ToHaveCountAsync(1, fast);
        }

        using var cancelled = await server.Api.PostAsync($"api/instances/{started}/cancel", null);
        cancelled.EnsureSuccessStatusCode();
        foreach (var console in new[] { first, second })
        {
            await Assertions.Expect(console.Page.Locator($"tr[data-instance='{started}'] .co-status-Cancelled")).ToHaveCountAsync(1, fast);
        }
    }
}
