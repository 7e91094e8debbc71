using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Bearer tokens from the identity provider in <c>Auth:Oidc</c>. Normally the signing keys come from the authority's
/// published metadata (refreshed as the provider rotates them); with <c>Auth:Oidc:SigningKeys</c> the given keys are
/// used and nothing is fetched.
/// </summary>
internal sealed class BearerTokenSetup(IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != AuthSchemes.Bearer)
        {
            return;
        }

        var oidc = auth.Value.Oidc;
        if (!oidc.Enabled)
        {
            return;
        }

        // Claim names as the provider wrote them, so RoleClaim and NameClaim mean what the provider's docs say.
        options.MapInboundClaims = false;
        options.Audience = oidc.Audience;
        var validation = options.TokenValidationParameters;
        validation.ValidAudience = oidc.Audience;
        validation.ValidIssuer = oidc.ExpectedIssuer;
        validation.ValidateIssuer = true;
        validation.ValidateAudience = true;
        validation.ValidateLifetime = true;
        validation.RequireExpirationTime = true;
        validation.ClockSkew = TimeSpan.FromMinutes(1);
        if (oidc.SigningKeys.Count > 0)
        {
            validation.IssuerSigningKeys = oidc.SigningKeys.Select(PemSigningKeys.Parse).ToList();
        }
        else
        {
            options.Authority = oidc.Authority;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
        }

        options.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                context.Principal = BearerPrincipal.From(context.Principal!, oidc);
                return Task.CompletedTask;
            },
        };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
