using System.Threading.RateLimiting;
using ChangeOrchestrator.Server.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Who may call the server and how they prove it: API keys, bearer tokens of the identity provider, local logins;
/// one authorization policy per role, and anything not marked otherwise needs an authenticated caller.
/// </summary>
internal static class Policies
{
    public static IServiceCollection AddChangeOrchestratorAuth(this IServiceCollection services, bool sandbox)
    {
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddSingleton<ApiKeyRegistry>();
        services.AddSingleton(sp => new LocalUserRegistry(sp.GetRequiredService<IOptions<AuthOptions>>(), sandbox));
        if (sandbox)
        {
            services.AddHostedService<SandboxAdminKey>();
            services.AddHostedService<SandboxAdminLogin>();
        }

        services.AddAuthentication(AuthSchemes.Selector)
            .AddPolicyScheme(AuthSchemes.Selector, null, o => o.ForwardDefaultSelector = context =>
                AuthSchemes.Select(context.Request, context.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.Oidc.Enabled))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AuthSchemes.ApiKey, null)
            .AddJwtBearer(AuthSchemes.Bearer)
            .AddCookie(AuthSchemes.Local);
        services.AddSingleton<IConfigureOptions<JwtBearerOptions>, BearerTokenSetup>();
        services.AddSingleton<IConfigureOptions<CookieAuthenticationOptions>, LocalSessionSetup>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<IRefusedCredentials, RefusedCredentials>();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<AuthOptions>>((limiter, auth) =>
        {
            var local = auth.Value.Local;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = LoginRateLimit.RejectAsync;
            limiter.AddPolicy(LocalLoginEndpoints.RateLimitPolicy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = local.LoginPermitLimit, Window = local.LoginWindow, QueueLimit = 0 }));
        });

        var builder = services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in Roles.All)
        {
            builder.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
        }

        return services;
    }
}
