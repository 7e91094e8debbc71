using ChangeOrchestrator.Server.Audit;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The ways a caller proves who it is, and how a request chooses one: an API key header, a bearer token from the
/// identity provider, or the local session cookie, in that order. A request that presents nothing is challenged as
/// an API-key client.
/// </summary>
internal static class AuthSchemes
{
    /// <summary>The default scheme: it only forwards to the scheme the request's credentials belong to.</summary>
    public const string Selector = "ChangeOrchestrator";

    public const string ApiKey = ApiKeyAuthenticationHandler.SchemeName;

    public const string Bearer = "Bearer";

    public const string Local = "Local";

    public const string SessionCookie = "co_session";

    /// <summary>The console's sign-in at the identity provider; it ends in a local session cookie.</summary>
    public const string ConsoleOidc = "ConsoleOidc";

    /// <summary>The claim naming how the caller authenticated (api-key, bearer, local), as the audit log records it.</summary>
    public const string MethodClaim = HttpAuditEntries.MethodClaim;

    public static string Select(HttpRequest request, bool bearerEnabled)
    {
        if (request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header))
        {
            return ApiKey;
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(Bearer + " ", StringComparison.OrdinalIgnoreCase))
        {
            // Without an identity provider a bearer token is simply not a credential here; the API-key scheme says so.
            return bearerEnabled ? Bearer : ApiKey;
        }

        if (authorization.Length == 0 && request.Cookies.ContainsKey(SessionCookie))
        {
            return Local;
        }

        // A browser without a session on a console page is sent to the sign-in page, which the session scheme does.
        if (authorization.Length == 0 && ChangeOrchestrator.Web.WebConsoleExtensions.IsConsolePath(request.Path))
        {
            return Local;
        }

        return ApiKey;
    }

    /// <summary>Whether the request carries anything meant as a credential (so a 401 is a failed attempt, not a missing one).</summary>
    public static bool PresentsCredentials(HttpRequest request) =>
        request.Headers.ContainsKey(ApiKeyAuthenticationHandler.Header)
        || request.Headers.Authorization.Count > 0
        || request.Cookies.ContainsKey(SessionCookie);
}
