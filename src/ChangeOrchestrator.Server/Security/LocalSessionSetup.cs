using ChangeOrchestrator.Persistence.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using ChangeOrchestrator.Web;
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
                // A console page sends the browser to sign in; the API answers 401 as APIs do.
                if (WebConsoleExtensions.IsConsolePath(context.Request.Path) && !IsLiveConnection(context.Request))
                {
                    var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                    context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return Task.CompletedTask;
            },
            OnRedirectToAccessDenied = context =>
            {
                if (WebConsoleExtensions.IsConsolePath(context.Request.Path) && !IsLiveConnection(context.Request))
                {
                    context.Response.Redirect("/forbidden");
                    return Task.CompletedTask;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            },
            OnValidatePrincipal = async context =>
            {
                // A session started at the identity provider holds the roles the provider granted at sign-in.
                if (context.Principal?.FindFirst(AuthSchemes.MethodClaim)?.Value == ConsoleOidcSetup.Method)
                {
                    return;
                }

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

    /// <summary>The console's live connection (<c>/_blazor</c>) is a script's request: it gets a status, not a page.</summary>
    private static bool IsLiveConnection(HttpRequest request) => request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase);
}
