using System.Text.Json.Nodes;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Compliance;

/// <summary>The compliance pages after a real scan of the sandbox's Dev servers has been recorded.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class CompliancePageTests(ConsoleServer server)
{
    [Fact]
    public async Task CompliancePage_AfterScan_ShowsTheRecordedServersPatchesAndTrendWithoutSeriousViolation()
    {
        await server.EnsureComplianceHistoryAsync();
        var servers = JsonNode.Parse(await server.Api.GetStringAsync("api/compliance/servers?group=Dev"))!["items"]!.AsArray();
        var top = JsonNode.Parse(await server.Api.GetStringAsync("api/compliance/top-patches?group=Dev&limit=1"))!.AsArray();
        var trend = JsonNode.Parse(await server.Api.GetStringAsync("api/compliance/trend?group=Dev&days=30"))!.AsArray();
        await using var console = await server.SignInAsync("victor");
        var page = console.Page;

        await console.OpenAsync("compliance");
        await page.GetByTestId("trend-chart").WaitForAsync();
        var violations = await console.SeriousViolationsAsync();
        await console.ScreenshotAsync("console-compliance");

        Assert.NotEmpty(servers);
        Assert.NotEmpty(top);
        var latest = trend[^1]!;
        var row = page.GetByTestId("trend-latest").Locator("tr", new LocatorLocatorOptions { HasText = "Dev" });
        await Assertions.Expect(row).ToContainTextAsync($"{latest["compliant"]!.GetValue<int>()}");
        await Assertions.Expect(row).ToContainTextAsync($"{latest["servers"]!.GetValue<int>()}");
        await Assertions.Expect(page.GetByTestId("noncompliant-servers")).ToContainTextAsync(servers[0]!["serverId"]!.GetValue<string>());
        var topPatches = page.GetByTestId("top-patches");
        await Assertions.Expect(topPatches).ToContainTextAsync(top[0]!["patchId"]!.GetValue<string>());
        await Assertions.Expect(topPatches).ToContainTextAsync($"{top[0]!["serverCount"]!.GetValue<int>()}:");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public async Task Filters_GroupChosen_ShowOnlyThatGroupAndTheCsvExportCarriesThem()
    {
        await server.EnsureComplianceHistoryAsync();
        await using var console = await server.SignInAsync("victor");
        var page = console.Page;
        await console.OpenAsync("compliance?days=90");

        await page.GetByTestId("filter-group").SelectOptionAsync("Dev");
        await page.WaitForURLAsync(url => url.Contains("group=Dev", StringComparison.Ordinal));
        await Assertions.Expect(page.GetByTestId("period-90")).ToHaveAttributeAsync("aria-pressed", "true");
        var groups = await page.GetByTestId("trend-latest").Locator("tbody tr td:first-child").AllTextContentsAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("trend-latest").Locator("xpath=..").GetByText("Download CSV").First.ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);

        Assert.Equal(["Dev"], groups);
        Assert.Equal("compliance-trend.csv", download.SuggestedFilename);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("Day,PatchGroup,Servers,Compliant,CompliancePercent", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 1, csv);
        Assert.All(lines.Skip(1), line => Assert.Contains(",Dev,", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerHistoryPage_FromTheNonCompliantList_ShowsTheServersScansWithoutSeriousViolation()
    {
        await server.EnsureComplianceHistoryAsync();
        await using var console = await server.SignInAsync("victor");
        var page = console.Page;
        await console.OpenAsync("compliance?group=Dev");

        var link = page.GetByTestId("noncompliant-servers").Locator("tbody tr td a").First;
        var serverId = (await link.TextContentAsync())!.Trim();
        await link.ClickAsync();
        var history = page.GetByTestId("server-history");
        await history.WaitForAsync();
        var violations = await console.SeriousViolationsAsync();
        var recorded = JsonNode.Parse(await server.Api.GetStringAsync($"api/compliance/servers/{serverId}/history"))!.AsArray();

        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Compliance history of {serverId}");
        await Assertions.Expect(history.Locator("tbody tr")).ToHaveCountAsync(recorded.Count);
        await Assertions.Expect(history.Locator("tbody tr").First).ToContainTextAsync(recorded[0]!["operation"]!.GetValue<string>());
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
