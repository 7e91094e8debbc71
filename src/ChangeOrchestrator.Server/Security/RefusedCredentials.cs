using ChangeOrchestrator.Server.Audit;
using Microsoft.AspNetCore.Authentication;

namespace ChangeOrchestrator.Server.Security;

/// <summary>Describes a refused credential for the audit log: the scheme it was presented to, the key it named, the failure.</summary>
internal sealed class RefusedCredentials : IRefusedCredentials
{
    public async Task<RefusedCredential?> DescribeAsync(HttpContext context)
    {
        if (!AuthSchemes.PresentsCredentials(context.Request))
        {
            return null;
        }

        var result = await context.AuthenticateAsync();
        var scheme = AuthSchemes.Select(context.Request, bearerEnabled: true);
        return new RefusedCredential(
            result.Properties?.Items.TryGetValue(ApiKeyAuthenticationHandler.ActorProperty, out var actor) == true ? actor : null,
            MethodOf(scheme),
            result.Failure?.Message ?? "no valid credential");
    }

    private static string MethodOf(string scheme) => scheme switch
    {
        AuthSchemes.Bearer => "bearer",
        AuthSchemes.Local => "local",
        _ => "api-key",
    };
}
