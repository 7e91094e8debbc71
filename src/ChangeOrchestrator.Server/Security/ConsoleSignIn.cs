using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Web.Security;
using Microsoft.AspNetCore.Authentication;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The console's sign-in: the local logins of <c>POST /auth/login</c> (same users, same session cookie, same audit
/// actions <c>auth.login</c> and <c>auth.login.failed</c>). Signing in to the console at the identity provider is
/// not offered yet: people of an identity provider use the API with its bearer tokens.
/// </summary>
internal sealed class ConsoleSignIn(LocalUserRegistry users, IAuditLog audit) : IConsoleSignIn
{
    public bool LocalLoginEnabled => users.Enabled;

    public string? IdentityProviderName => null;

    public async Task<string?> SignInAsync(HttpContext context, string userName, string password, CancellationToken cancellationToken)
    {
        var user = users.Verify(userName, password);
        var entry = HttpAuditEntries.From(context, user is null ? "auth.login.failed" : "auth.login", user is null ? 401 : 200, "user", userName, "web console") with
        {
            Actor = userName,
            AuthScheme = "local",
        };
        await audit.AppendAsync(entry, cancellationToken);
        if (user is null)
        {
            return "The user name or the password is wrong.";
        }

        await LocalSignIn.StartSessionAsync(context, user);
        return null;
    }

    public Task ChallengeAsync(HttpContext context, string returnUrl)
    {
        context.Response.Redirect("/signin");
        return Task.CompletedTask;
    }

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(HttpAuditEntries.From(context, "auth.logout", 302, "user", context.User.Identity.Name, "web console"), context.RequestAborted);
        }

        await context.SignOutAsync(AuthSchemes.Local);
    }
}
