using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.Server.Settings;

/// <summary><c>GET /api/settings</c> (Admin): the configuration the server runs with, secrets redacted, for support and review.</summary>
internal static class SettingsEndpoints
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/settings", (IConfiguration configuration, IHostEnvironment environment) =>
                TypedResults.Ok(new EffectiveSettings(environment.EnvironmentName, ConfigurationRedaction.Effective(configuration))))
            .WithTags("Settings")
            .RequireAuthorization(Roles.Admin);
        return endpoints;
    }
}
