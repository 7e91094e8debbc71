using Microsoft.AspNetCore.Http;

namespace ChangeOrchestrator.Web.Security;

/// <summary>
/// How people sign in to the console, provided by the hosting server: the same local logins (and the same session
/// cookie) as <c>POST /auth/login</c>, and, when configured, the organisation's identity provider.
/// </summary>
public interface IConsoleSignIn
{
    bool LocalLoginEnabled { get; }

    /// <summary>The identity provider's display name, or null when the console has no external sign-in.</summary>
    string? IdentityProviderName { get; }

    /// <summary>Checks the credentials and starts a session; answers null when signed in, else what went wrong.</summary>
    Task<string?> SignInAsync(HttpContext context, string userName, string password, CancellationToken cancellationToken);

    /// <summary>Sends the browser to the identity provider, which brings it back signed in to <paramref name="returnUrl"/>.</summary>
    Task ChallengeAsync(HttpContext context, string returnUrl);

    Task SignOutAsync(HttpContext context);
}
