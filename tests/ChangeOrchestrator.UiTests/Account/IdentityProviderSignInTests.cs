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

        await page.WaitForURLAsync(url => url.EndsWith("/instances", StringComparison.Ordinal));
        await console.WaitLiveAsync();
        Assert.Equal($"{IdentityProvider.UserName} (Operator, Viewer)", await page.GetByTestId("signed-in-user").TextContentAsync());
        await console.OpenAsync("start");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Patch change" })).ToBeVisibleAsync();
        var audit = await server.AuditAsync($"action=auth.login&actor={IdentityProvider.UserName}");
        Assert.Equal("oidc", audit["items"]![0]!["authScheme"]!.GetValue<string>());
    }
}
