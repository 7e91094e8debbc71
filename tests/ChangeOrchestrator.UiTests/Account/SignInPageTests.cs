using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Account;

[Collection(ConsoleCollection.Name)]
public sealed class SignInPageTests(ConsoleServer server)
{
    [Fact]
    public async Task Open_WithoutSession_RedirectsToSignInThenBackToThePage()
    {
        await using var console = await server.OpenAnonymousAsync();
        var page = console.Page;

        await page.GotoAsync("instances");
        Assert.Contains("/signin?returnUrl=%2Finstances", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#username", "olga");
        await page.FillAsync("#password", ConsoleUsers.Password);
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync(url => url.EndsWith("/instances", StringComparison.Ordinal));
        await console.WaitLiveAsync();
        Assert.Equal("olga (Operator, Viewer)", await page.GetByTestId("signed-in-user").TextContentAsync());
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndIsAudited()
    {
        await using var console = await server.OpenAnonymousAsync();
        var page = console.Page;
        await page.GotoAsync("signin");
        await console.ScreenshotAsync("console-signin");

        await page.FillAsync("#username", "olga");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("button[type=submit]");

        Assert.Equal("The user name or the password is wrong.", (await page.GetByRole(AriaRole.Alert).TextContentAsync())?.Trim());
        Assert.Contains("/signin", page.Url, StringComparison.Ordinal);
        var audit = await server.AuditAsync("action=auth.login.failed&actor=olga");
        Assert.NotEmpty(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        await using var console = await server.SignInAsync("victor");

        await console.Page.ClickAsync("button.co-signout");

        await console.Page.WaitForURLAsync(url => url.Contains("/signin", StringComparison.Ordinal));
        await console.Page.GotoAsync("instances");
        Assert.Contains("/signin?returnUrl=", console.Page.Url, StringComparison.Ordinal);
    }
}
