using ChangeOrchestrator.Persistence.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The session cookie of a local login: HttpOnly (scripts cannot read it), SameSite=Strict (no other site can make
/// the browser send it), Secure whenever the request came over HTTPS. An API answers 401/403 instead of redirecting
/// to a login page, and a session ends as soon as its user is no longer configured. The session itself is kept on the
/// server (<see cref="DatabaseTicketStore"/>): the cookie names it, and a logout deletes it for every node.
/// </summary>
internal sealed class LocalSessionSetup(IOptions<AuthOptions> auth, LocalUserRegistry users, IServiceProvider services) : IConfigureNamedOptions<CookieAuthenticationOptions>
{
    public void Configure(string? name, CookieAuthenticationOptions options)
    {
        if (name != AuthSchemes.Local)
        {
            return;
        }

        options.Cookie.Name = AuthSchemes.SessionCookie;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.IsEssential = true;
        options.ExpireTimeSpan = auth.Value.Local.SessionLifetime;
        options.SlidingExpiration = true;
        // The server always has its database; a composition without one (the auth alone) keeps the ticket in the cookie.
        options.SessionStore = services.GetService<ILoginSessions>() is null ? null : services.GetRequiredService<DatabaseTicketStore>();
        options.Events = new CookieAuthenticationEvents
        {
            OnRedirectToLogin = context =>
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            },
            OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                var user = context.Principal?.Identity?.Name is { } userName && users.Enabled ? users.Find(userName) : null;
                var granted = context.Principal?.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
                var current = user?.Roles.SelectMany(Roles.Expand).ToHashSet(StringComparer.Ordinal);
                if (user is null || granted is null || current is null || !granted.SetEquals(current))
                {
                    // Removed, or given other roles since signing in: the session must not outlive the configuration.
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(AuthSchemes.Local);
                }
            },
        };
    }

    public void Configure(CookieAuthenticationOptions options) => Configure(Options.DefaultName, options);
}
