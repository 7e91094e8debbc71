using ChangeOrchestrator.UiTests.Support;
using Microsoft.Playwright;

namespace ChangeOrchestrator.UiTests.Account;

/// <summary>Signing in to the console at a real OpenID Connect provider (OpenIddict) started by the tests.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class IdentityProviderSignInTests(ConsoleServer server)
{
    [Fact]
    public async Task SignIn_AtTheIdentityProvider_OpensTheConsoleWithTheMappedRole()
    {
        await using var console = await server.OpenAnonymousAsync();
        var page = console.Page;

        await page.GotoAsync("instances");
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in with the test identity provider" }).ClickAsync();

        // Three redirects (authorize, callback, back to the page) precede the console's own load; the live circuit is
        // awaited right after, so the navigation only has to reach the page.
        await page.WaitForURLAsync(url => url.EndsWith("/instances", StringComparison.Ordinal), new() { WaitUntil = WaitUntilState.Commit, Timeout = 90_000 });
        await console.WaitLiveAsync();
        Assert.Equal($"{IdentityProvider.UserName} (Operator, Viewer)", await page.GetByTestId("signed-in-user").TextContentAsync());
        await console.OpenAsync("start");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Patch change" })).ToBeVisibleAsync();
        var audit = await server.AuditAsync($"action=auth.login&actor={IdentityProvider.UserName}");
        Assert.Equal("oidc", audit["items"]![0]!["authScheme"]!.GetValue<string>());
    }
}
