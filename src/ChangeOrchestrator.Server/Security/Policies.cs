using Microsoft.AspNetCore.Authorization;

namespace ChangeOrchestrator.Server.Security;

/// <summary>One authorization policy per role; anything not marked otherwise needs an authenticated caller.</summary>
internal static class Policies
{
    public static IServiceCollection AddChangeOrchestratorAuth(this IServiceCollection services, bool sandbox)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiKeyRegistry>();
        if (sandbox)
        {
            services.AddHostedService<SandboxAdminKey>();
        }

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }

        return services;
    }
}
