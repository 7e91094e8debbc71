using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Server.Audit;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// The console's sign-in at the identity provider: authorization code with PKCE, the ID token's claims turned into
/// our caller exactly as a bearer token's are (name claim, role claim, role map), kept in the local session cookie.
/// </summary>
internal sealed class ConsoleOidcSetup(IOptions<AuthOptions> auth) : IConfigureNamedOptions<OpenIdConnectOptions>
{
    /// <summary>The <c>auth_method</c> of a console session started at the provider.</summary>
    public const string Method = "oidc";

    public static IServiceCollection AddConsoleIdentityProvider(IServiceCollection services, IConfiguration configuration)
    {
        // Registered only when configured: the handler needs an authority as soon as any request reaches it.
        if (!string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.Section}:Oidc:Console:{nameof(ConsoleOidcOptions.ClientId)}"]))
        {
            services.AddAuthentication().AddOpenIdConnect(AuthSchemes.ConsoleOidc, _ => { });
            services.AddSingleton<IConfigureOptions<OpenIdConnectOptions>, ConsoleOidcSetup>();
        }

        return services;
    }

    public void Configure(string? name, OpenIdConnectOptions options)
    {
        if (name != AuthSchemes.ConsoleOidc)
        {
            return;
        }

        var oidc = auth.Value.Oidc;
        options.Authority = oidc.Authority;
        options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        options.ClientId = oidc.Console.ClientId;
        options.ClientSecret = string.IsNullOrEmpty(oidc.Console.ClientSecret) ? null : oidc.Console.ClientSecret;
        options.ResponseType = OpenIdConnectResponseType.Code;
        options.UsePkce = true;
        options.SignInScheme = AuthSchemes.Local;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.CallbackPath = "/signin-oidc";
        options.Scope.Clear();
        foreach (var scope in new[] { "openid", "profile" }.Concat(oidc.Console.Scopes))
        {
            options.Scope.Add(scope);
        }

        // On plain HTTP (a provider and a console on loopback) a SameSite=None cookie is refused by browsers.
        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Events = new OpenIdConnectEvents
        {
            OnTicketReceived = async context =>
            {
                context.Principal = BearerPrincipal.From(context.Principal!, oidc, Method, AuthSchemes.Local);
                var audit = context.HttpContext.RequestServices.GetRequiredService<IAuditLog>();
                var entry = HttpAuditEntries.From(context.HttpContext, "auth.login", StatusCodes.Status302Found, "user", context.Principal.Identity?.Name, "web console") with
                {
                    Actor = context.Principal.Identity?.Name ?? HttpAuditEntries.Anonymous,
                    AuthScheme = Method,
                };
                await audit.AppendAsync(entry, context.HttpContext.RequestAborted);
            },
        };
    }

    public void Configure(OpenIdConnectOptions options) => Configure(Options.DefaultName, options);
}
