using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ChangeOrchestrator.UiTests.Support;

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port: the console is registered as a confidential
/// client using the authorization code flow with PKCE, and every authorization signs in one person, <see cref="UserName"/>,
/// whose ID token carries the provider role <see cref="ProviderRole"/>.
/// </summary>
public sealed class IdentityProvider : IAsyncDisposable
{
    public const string ClientId = "changeorchestrator-console";
    public const string ClientSecret = "console-client-secret-for-tests";
    public const string UserName = "oscar";
    public const string ProviderRole = "patch-operators";

    private readonly WebApplication _app;

    private IdentityProvider(WebApplication app, Uri authority)
    {
        _app = app;
        Authority = authority;
    }

    public Uri Authority { get; }

    public static async Task<IdentityProvider> StartAsync(Uri consoleBase)
    {
        var authority = new Uri($"http://127.0.0.1:{FlakyEndpoint.FreePort().ToString(CultureInfo.InvariantCulture)}/");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(authority.ToString().TrimEnd('/'));
        builder.Logging.ClearProviders();
        var database = "idp-" + Guid.NewGuid().ToString("N");
        builder.Services.AddDbContext<IdentityProviderDb>(o =>
        {
            o.UseInMemoryDatabase(database);
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<IdentityProviderDb>())
            .AddServer(o =>
            {
                o.SetIssuer(authority);
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.DisableAccessTokenEncryption();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.MapMethods("connect/authorize", ["GET", "POST"], Authorize);
        await app.StartAsync();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                ClientType = ClientTypes.Confidential,
                RedirectUris = { new Uri(consoleBase, "signin-oidc") },
                Permissions =
                {
                    Permissions.Endpoints.Authorization,
                    Permissions.Endpoints.Token,
                    Permissions.GrantTypes.AuthorizationCode,
                    Permissions.ResponseTypes.Code,
                    Permissions.Scopes.Profile,
                    Permissions.Scopes.Roles,
                },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            });
        }

        return new IdentityProvider(app, authority);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    // The person has authenticated and consented: the provider's own login screens are not what is under test.
    private static IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("not an OpenID Connect request");
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "user-" + UserName)
            .SetClaim(Claims.PreferredUsername, UserName)
            .SetClaim(Claims.Name, "Oscar Operator")
            .SetClaims(Claims.Role, [ProviderRole]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
