using System.Threading.RateLimiting;
using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Server.Audit;
using ChangeOrchestrator.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The console's sign-in: the local logins of <c>POST /auth/login</c> (same users, same session cookie, same audit
/// actions <c>auth.login</c> and <c>auth.login.failed</c>), and the identity provider when
/// <c>Auth:Oidc:Console:ClientId</c> is configured.
/// </summary>
internal sealed class ConsoleSignIn(LocalUserRegistry users, IAuditLog audit, IOptions<AuthOptions> auth) : IConsoleSignIn, IDisposable
{
    // The same allowance per client address as POST /auth/login (Auth:Local:LoginPermitLimit per LoginWindow).
    private readonly PartitionedRateLimiter<string> _attempts = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = auth.Value.Local.LoginPermitLimit,
            Window = auth.Value.Local.LoginWindow,
            QueueLimit = 0,
        }));

    public bool LocalLoginEnabled => users.Enabled;

    public string? IdentityProviderName => auth.Value.Oidc.Console.Enabled ? auth.Value.Oidc.Console.DisplayName : null;

    public async Task<string?> SignInAsync(HttpContext context, string userName, string password, CancellationToken cancellationToken)
    {
        using var lease = _attempts.AttemptAcquire(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        if (!lease.IsAcquired)
        {
            await audit.AppendAsync(HttpAuditEntries.From(context, "auth.login.failed", StatusCodes.Status429TooManyRequests, "user", userName, "web console: too many attempts") with { Actor = userName, AuthScheme = "local" }, cancellationToken);
            return "Too many sign-in attempts from this address; wait a minute and try again.";
        }

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
        if (!auth.Value.Oidc.Console.Enabled)
        {
            context.Response.Redirect("/signin");
            return Task.CompletedTask;
        }

        return context.ChallengeAsync(AuthSchemes.ConsoleOidc, new AuthenticationProperties { RedirectUri = returnUrl });
    }

    public void Dispose() => _attempts.Dispose();

    public async Task SignOutAsync(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(HttpAuditEntries.From(context, "auth.logout", 302, "user", context.User.Identity.Name, "web console"), context.RequestAborted);
        }

        await context.SignOutAsync(AuthSchemes.Local);
    }
}
