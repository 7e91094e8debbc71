using ChangeOrchestrator.UiTests.Support;

namespace ChangeOrchestrator.UiTests.Accessibility;

/// <summary>axe-core on every page of the console: no serious or critical violation.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccessibilityTests(ConsoleServer server)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "", "" },
        { "instances", "" },
        { "instance", "" },
        { "start", "" },
        { "start/patch-change", "" },
        { "changes", "" },
        { "changes#month", "" },
        { "admin/audit", "console-audit" },
        { "admin/settings", "console-settings" },
        { "admin/api-keys", "console-api-keys" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_AsAdmin_HasNoSeriousOrCriticalViolation(string path, string screenshot)
    {
        var instanceId = await server.StartAwaitingApprovalAsync("CHG0099300");
        await using var console = await server.SignInAsync("ada");
        await console.OpenAsync(path switch
        {
            "instance" => $"instances/{instanceId}",
            "changes#month" => "changes",
            _ => path,
        });
        if (path == "changes#month")
        {
            await console.Page.GetByTestId("view-month").ClickAsync();
            await console.Page.GetByTestId("calendar").WaitForAsync();
        }

        await console.Page.Locator("h1").First.WaitForAsync();
        var violations = await console.SeriousViolationsAsync();

        Assert.True(violations.Count == 0, $"/{path}:{Environment.NewLine}{string.Join(Environment.NewLine, violations)}");
        if (screenshot.Length > 0)
        {
            await console.ScreenshotAsync(screenshot);
        }
    }

    [Fact]
    public async Task SignInPage_HasNoSeriousOrCriticalViolation()
    {
        await using var console = await server.OpenAnonymousAsync();
        await console.Page.GotoAsync("signin");

        var violations = await console.SeriousViolationsAsync();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
