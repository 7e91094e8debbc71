using System.Security.Claims;
using ChangeOrchestrator.Persistence.Audit;
using Microsoft.AspNetCore.Components.Authorization;

namespace ChangeOrchestrator.Web.Security;

/// <summary>
/// Writes the audit entry of an action taken in the console, with the same action names, object kinds and outcome
/// codes as the API route that does the same thing, so the log reads the same whichever way a person acted.
/// </summary>
public sealed class ConsoleAudit(IAuditLog log, AuthenticationStateProvider authentication, ConsoleCaller caller)
{
    /// <summary>The claim the server stamps with how a person authenticated (local, bearer, oidc).</summary>
    public const string MethodClaim = "auth_method";

    public async Task<ClaimsPrincipal> UserAsync() => (await authentication.GetAuthenticationStateAsync()).User;

    public async Task RecordAsync(string action, string objectType, string? objectId, int outcome, string? detail, CancellationToken cancellationToken)
    {
        var user = await UserAsync();
        await log.AppendAsync(
            new AuditEntry
            {
                Actor = user.Identity?.Name ?? "anonymous",
                AuthScheme = user.FindFirst(MethodClaim)?.Value,
                Action = action,
                ObjectType = objectType,
                ObjectId = objectId,
                RemoteIp = caller.RemoteIp,
                UserAgent = caller.UserAgent,
                Outcome = outcome,
                Detail = detail is null ? "web console" : "web console: " + detail,
            },
            cancellationToken);
    }
}
