using System.Net;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Instances;

[Collection(ConsoleCollection.Name)]
public sealed class InstancePageTests(ConsoleServer server)
{
    [Fact]
    public async Task Retry_IncidentWhoseServiceRecovered_CompletesTheInstance()
    {
        server.Flaky.Status = HttpStatusCode.ServiceUnavailable;
        var instanceId = await server.StartThroughApiAsync("ui-flaky", []);
        await using var console = await server.SignInAsync("olga");
        var page = console.Page;

        await console.OpenAsync($"instances/{instanceId}");
        var incident = page.GetByTestId("incident");
        await incident.WaitForAsync();
        Assert.Contains("answered 503", await incident.TextContentAsync(), StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("[data-activity=call]")).ToHaveAttributeAsync("data-status", "faulted");
        await Assertions.Expect(page.Locator("[data-activity=done]")).ToHaveAttributeAsync("data-status", "pending");
        await console.ScreenshotAsync("console-incident");

        server.Flaky.Status = HttpStatusCode.OK;
        await page.GetByRole(AriaRole.Button, new() { Name = "Retry", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Completed");
        await Assertions.Expect(page.Locator("[data-activity=done]")).ToHaveAttributeAsync("data-status", "completed");
        var audit = await server.AuditAsync($"action=instance.retry&object=instance:{instanceId}");
        var entry = audit["items"]![0]!;
        Assert.Equal("olga", entry["actor"]!.GetValue<string>());
        Assert.Equal(200, entry["outcome"]!.GetValue<int>());
    }

    [Fact]
    public async Task Open_AsViewer_ShowsTheInstanceWithoutCancelOrStart()
    {
        var instanceId = await server.StartAwaitingApprovalAsync("CHG0099001");
        await using var console = await server.SignInAsync("victor");
        var page = console.Page;

        await console.OpenAsync($"instances/{instanceId}");
        await Assertions.Expect(page.GetByTestId("waits-for")).ToContainTextAsync("approval of CHG0099001 in ServiceNow");
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Start" }).CountAsync());

        await console.OpenAsync("start/approval-demo");
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs a role you do not have");
        Assert.Equal(0, await page.GetByTestId("start-submit").CountAsync());
        Assert.Equal("Suspended", await server.StatusAsync(instanceId));
    }

    [Fact]
    public async Task Cancel_AsOperator_CancelsAndIsAudited()
    {
        var instanceId = await server.StartAwaitingApprovalAsync("CHG0099002");
        await using var console = await server.SignInAsync("olga");
        var page = console.Page;
        await console.OpenAsync($"instances/{instanceId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();

        await Assertions.Expect(page.GetByTestId("instance-status")).ToHaveTextAsync("Cancelled");
        var audit = await server.AuditAsync($"action=instance.cancel&object=instance:{instanceId}");
        Assert.Equal("olga", audit["items"]![0]!["actor"]!.GetValue<string>());
    }
}
