using ChangeOrchestrator.Persistence.Audit;

namespace ChangeOrchestrator.Server.Audit;

/// <summary>
/// An audit entry about an HTTP request: who (the authenticated caller, else anonymous), how they authenticated, and
/// from where. For endpoints that record something beside their request's own entry, such as a rejected webhook.
/// </summary>
internal static class HttpAuditEntries
{
    public const string Anonymous = "anonymous";

    /// <summary>The claim naming how the caller authenticated (api-key, bearer, local, oidc), as the entry records it.</summary>
    public const string MethodClaim = "auth_method";

    public static AuditEntry From(
        HttpContext context, string action, int outcome, string? objectType = null, string? objectId = null, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        return new AuditEntry
        {
            Actor = authenticated ? context.User.Identity!.Name ?? Anonymous : Anonymous,
            AuthScheme = authenticated ? context.User.FindFirst(MethodClaim)?.Value : null,
            Action = action,
            ObjectType = objectType,
            ObjectId = objectId,
            RemoteIp = context.Connection.RemoteIpAddress?.ToString(),
            UserAgent = context.Request.Headers.UserAgent.ToString() is { Length: > 0 } agent ? agent : null,
            Outcome = outcome,
            Detail = detail,
        };
    }
}
