using System.Text.RegularExpressions;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Start;

/// <summary>The sandbox patch change, through the browser only: the start form, the simulated desk, the instance page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class PatchChangeTests(ConsoleServer server)
{
    [Fact]
    public async Task PatchChange_ApprovedTwiceInTheSimulatedDesk_CompletesWithEvidenceAndTheChangeClosed()
    {
        await using var console = await server.SignInAsync("olga");
        var page = console.Page;
        await console.OpenAsync("start/patch-change");

        // The form is generated from the workflow's inputs; a bad instant is refused by the workflow's own validation.
        await page.FillAsync("#input-windowStart", "tomorrow morning");
        await page.GetByTestId("start-submit").ClickAsync();
        var fieldError = page.GetByTestId("error-windowStart");
        await fieldError.WaitForAsync();
        Assert.Contains("windowStart", await fieldError.TextContentAsync(), StringComparison.Ordinal);
        Assert.NotNull(await page.GetByTestId("error-patchGroup").TextContentAsync());

        var instanceId = await StartSandboxChangeAsync(console, "start-form");
        var number = await WaitForApprovalAsync(page);
        Assert.Equal("Suspended", await page.GetByTestId("instance-status").TextContentAsync());
        await Assertions.Expect(page.Locator("[data-activity=approval][data-status=waiting]")).ToHaveCountAsync(1);
        await console.ScreenshotAsync("console-instance-waiting");

        // The overview, in a second tab, lists the change among those waiting on approval.
        var overview = new ConsolePage(console.Context, await console.Context.NewPageAsync());
        await overview.OpenAsync("");
        await Assertions.Expect(overview.Page.GetByTestId("awaiting-approval")).ToContainTextAsync(number);
        await overview.ScreenshotAsync("console-overview");
        await overview.Page.CloseAsync();

        await using var desk = await server.OpenAnonymousAsync();
        await SimulatedApprovals.DecideAsync(desk.Page, number, approve: true, screenshot: "servicenow-approval");
        await SimulatedApprovals.DecideAsync(desk.Page, number, approve: true);

        // The page is never reloaded: it follows the instance through the window, snapshots, waves and verification.
        var seen = new List<string>();
        await console.WaitUntilAsync(async () =>
        {
            // Read in one step: the page re-renders while the instance moves, so elements come and go.
            foreach (var activity in await page.EvalOnSelectorAllAsync<string[]>("[data-status=waiting]", "nodes => nodes.map(n => n.getAttribute('data-activity'))"))
            {
                if (seen.Count == 0 || seen[^1] != activity)
                {
                    seen.Add(activity);
                }
            }

            return await page.GetByTestId("instance-status").TextContentAsync() is "Completed" or "Faulted" or "Cancelled";
        });

        Assert.Equal("Completed", await page.GetByTestId("instance-status").TextContentAsync());
        // The approval may be taken before the first look below, so the live trail is judged by what follows it.
        Assert.True(seen.Count >= 2, "The page followed the instance through only: " + string.Join(", ", seen));
        Assert.True(await page.Locator("[data-activity=approval][data-status=completed]").IsVisibleAsync());
        Assert.Equal("Closed", (await page.GetByTestId("change-state").TextContentAsync())?.Trim());
        Assert.StartsWith("successful", await page.GetByTestId("change-outcome").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        var evidence = page.GetByTestId("evidence");
        Assert.Contains($"Evidence for {number}", await evidence.TextContentAsync(), StringComparison.Ordinal);
        Assert.True(await page.Locator("[data-activity=close][data-status=completed]").IsVisibleAsync());
        Assert.True(await page.Locator("[data-activity=cancelRejected][data-status=skipped]").CountAsync() == 1);

        // The path taken is gathered over the live page's refreshes: the approval's, read long before the end, is still drawn.
        Assert.Equal(1, await page.Locator("path.edge.taken", new() { Has = page.Locator("title", new() { HasText = "approval → window (Approved)" }) }).CountAsync());
        Assert.Equal(0, await page.Locator("path.edge.taken", new() { Has = page.Locator("title", new() { HasText = "approval → cancelRejected" }) }).CountAsync());
        await page.Locator("[data-activity=canary]").ClickAsync();
        await page.GetByRole(AriaRole.Table, new() { Name = "Per-server results" }).WaitForAsync();
        await console.ScreenshotAsync("console-instance-completed");
        await evidence.ScrollIntoViewIfNeededAsync();
        await console.ScreenshotAsync("console-evidence", fromTop: false);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByText("Download the evidence (JSON)").ClickAsync());
        Assert.Equal($"patch-evidence-{number}.json", download.SuggestedFilename);

        var audit = await server.AuditAsync($"action=instance.start&object=instance:{instanceId}");
        Assert.Equal("olga", audit["items"]![0]!["actor"]!.GetValue<string>());

        // The changes page lists the change raised, closed, with its outcome and close code, and puts it on the calendar.
        await console.OpenAsync("changes");
        var row = page.GetByTestId("changes").Locator("tr", new() { HasText = number });
        await Assertions.Expect(row).ToContainTextAsync("Closed");
        await Assertions.Expect(row).ToContainTextAsync("successful");
        await console.ScreenshotAsync("console-changes");
        await page.GetByTestId("view-month").ClickAsync();
        await Assertions.Expect(page.GetByTestId("calendar")).ToContainTextAsync(number);
        await console.ScreenshotAsync("console-changes-month");
    }

    [Fact]
    public async Task PatchChange_RejectedInTheSimulatedDesk_CancelsTheChange()
    {
        await using var console = await server.SignInAsync("olga");
        var page = console.Page;
        await console.OpenAsync("start/patch-change");
        await StartSandboxChangeAsync(console, screenshot: null);
        var number = await WaitForApprovalAsync(page);

        await using var desk = await server.OpenAnonymousAsync();
        await SimulatedApprovals.DecideAsync(desk.Page, number, approve: false);

        await console.WaitUntilAsync(async () => await page.Locator("[data-activity=cancelRejected][data-status=completed]").CountAsync() == 1
            && await page.GetByTestId("instance-status").TextContentAsync() != "Suspended");
        Assert.Contains("Cancel", await page.GetByTestId("change-state").TextContentAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await page.Locator("[data-activity=window][data-status=skipped]").CountAsync() == 1);
    }

    /// <summary>Fills in the sandbox preset, shortens its polls so the change runs in seconds, and starts it.</summary>
    private static async Task<string> StartSandboxChangeAsync(ConsolePage console, string? screenshot)
    {
        var page = console.Page;
        await page.GetByTestId("sandbox-preset").ClickAsync();
        await Assertions.Expect(page.Locator("#input-patchGroup")).ToHaveValueAsync("Prod");
        foreach (var (name, value) in new[] { ("pollInterval", "PT1S"), ("maxPollInterval", "PT2S"), ("soak", "PT0.3S"), ("approvalPollInterval", "PT1S"), ("validationRetryInterval", "PT1S") })
        {
            await page.FillAsync($"#input-{name}", value);
        }

        if (screenshot is not null)
        {
            await console.ScreenshotAsync("console-" + screenshot);
        }

        await page.GetByTestId("start-submit").ClickAsync();
        await page.WaitForURLAsync(InstanceUrl());
        await console.WaitLiveAsync();
        return InstanceUrl().Match(page.Url).Groups[1].Value;
    }

    /// <summary>Waits until the instance page says it waits for the approval of a change; answers the change number.</summary>
    private static async Task<string> WaitForApprovalAsync(IPage page)
    {
        var waits = page.GetByTestId("waits-for");
        await waits.Filter(new LocatorFilterOptions { HasTextRegex = ApprovalWait() }).WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        return ApprovalWait().Match(await waits.TextContentAsync() ?? "").Groups[1].Value;
    }

    [GeneratedRegex(@"approval of (CHG\d+) in ServiceNow")]
    private static partial Regex ApprovalWait();

    [GeneratedRegex(@"/instances/([0-9a-f-]+)$")]
    private static partial Regex InstanceUrl();
}
