using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Admin;

[Collection(ConsoleCollection.Name)]
public sealed class ApiKeysPageTests(ConsoleServer server)
{
    [Fact]
    public async Task CreateThenRevoke_AsAdmin_KeyIsShownOnceWorksOverHttpAndIsRefusedAfterRevoking()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await console.OpenAsync("admin/api-keys");

        await page.FillAsync("#key-name", "ui-pipeline");
        await page.CheckAsync("#key-role-Operator");
        await page.GetByTestId("create-key").ClickAsync();
        var shown = page.GetByTestId("new-key");
        await shown.WaitForAsync();
        var key = (await shown.TextContentAsync())!.Trim();
        await Assertions.Expect(page.GetByTestId("key-ui-pipeline").GetByTestId("state")).ToHaveTextAsync("active");
        await console.ScreenshotAsync("console-api-key-created");

        using var caller = new HttpClient { BaseAddress = server.BaseAddress };
        caller.DefaultRequestHeaders.Add("X-Api-Key", key);
        var me = JsonNode.Parse(await caller.GetStringAsync("auth/me"))!;
        using var list = await caller.GetAsync("api/instances?limit=1");
        using var adminOnly = await caller.GetAsync("api/settings");

        // Opened again, the page lists the key but never shows it.
        await console.OpenAsync("admin/api-keys");
        await Assertions.Expect(page.GetByTestId("key-ui-pipeline")).ToBeVisibleAsync();
        var content = await page.ContentAsync();

        await page.GetByTestId("key-ui-pipeline").GetByTestId("revoke").ClickAsync();
        await page.GetByTestId("key-ui-pipeline").GetByTestId("confirm-revoke").ClickAsync();
        await Assertions.Expect(page.GetByTestId("key-ui-pipeline").GetByTestId("state")).ToContainTextAsync("revoked");
        using var afterRevoke = await caller.GetAsync("api/instances?limit=1");

        Assert.Equal("ui-pipeline", me["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        Assert.DoesNotContain(key, content, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        var audit = await server.AuditAsync("action=apikey.*&actor=ada");
        var entries = audit["items"]!.AsArray().Select(e => (Action: e!["action"]!.GetValue<string>(), Detail: e["detail"]!.GetValue<string>())).ToList();
        Assert.Contains(("apikey.create", "web console: ui-pipeline"), entries);
        Assert.Contains(("apikey.revoke", "web console: ui-pipeline"), entries);
    }

    [Fact]
    public async Task Create_WithoutRoles_SaysWhichFieldIsWrong()
    {
        await using var console = await server.SignInAsync("ada");
        var page = console.Page;
        await console.OpenAsync("admin/api-keys");

        await page.FillAsync("#key-name", "ui-no-roles");
        await page.GetByTestId("create-key").ClickAsync();

        await Assertions.Expect(page.GetByTestId("error-roles")).ToContainTextAsync("needs at least one of");
        Assert.Equal(0, await page.GetByTestId("new-key").CountAsync());
        Assert.Equal(0, await page.GetByTestId("key-ui-no-roles").CountAsync());
    }

    [Fact]
    public async Task Open_AsOperator_IsRefused()
    {
        await using var console = await server.SignInAsync("olga");

        await console.OpenAsync("admin/api-keys");

        await Assertions.Expect(console.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("needs a role you do not have");
        Assert.Equal(0, await console.Page.GetByTestId("create-key").CountAsync());
    }
}
