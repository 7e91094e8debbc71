using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>
/// People's bearer tokens, signed by a key made here and configured as the identity provider's (no metadata is
/// fetched): valid tokens map the provider's groups to our roles; every wrong token is refused.
/// </summary>
public sealed class BearerTokenTests : IAsyncLifetime
{
    private const string Issuer = "https://idp.example.test/realms/ops";
    private const string Audience = "change-orchestrator";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RSA _otherKey = RSA.Create(2048);
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Auth:Oidc:Issuer"] = Issuer,
        ["Auth:Oidc:Audience"] = Audience,
        ["Auth:Oidc:SigningKeys:0"] = _key.ExportSubjectPublicKeyInfoPem(),
        ["Auth:Oidc:RoleClaim"] = "groups",
        ["Auth:Oidc:RoleMap:patch-operators"] = "Operator",
        ["Auth:Oidc:RoleMap:cab-members"] = "Viewer",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
        _key.Dispose();
        _otherKey.Dispose();
    }

    [Fact]
    public async Task ValidToken_MappedGroup_GetsTheMappedRoleAndIsAudited()
    {
        using var client = ClientWith(Token(groups: ["patch-operators", "unrelated"]));

        var me = await client.GetFromJsonAsync<JsonObject>("/auth/me");
        using var started = await client.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change = "CHG-JWT" } });
        using var validated = await client.PostAsJsonAsync("/api/definitions/validate", new { id = "x" });
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=instance.start");

        Assert.Equal("ann.operator", me!["name"]!.GetValue<string>());
        Assert.Equal("bearer", me["authScheme"]!.GetValue<string>());
        Assert.Equal(["Operator", "Viewer"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, validated.StatusCode);
        var entry = Assert.Single(audit["items"]!.AsArray())!;
        Assert.Equal("ann.operator", entry["actor"]!.GetValue<string>());
        Assert.Equal("bearer", entry["authScheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task ValidToken_NoMappedGroup_IsAuthenticatedButGrantedNothing()
    {
        using var client = ClientWith(Token(groups: ["Admin", "everyone"]));

        using var me = await client.GetAsync("/auth/me");
        using var list = await client.GetAsync("/api/definitions");

        // With a role map, only mapped groups count: a group that happens to be called "Admin" grants nothing.
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
    }

    public static TheoryData<string> WrongTokens => new() { "audience", "issuer", "expired", "key", "unsigned", "garbage" };

    [Theory]
    [MemberData(nameof(WrongTokens))]
    public async Task WrongToken_IsUnauthorizedAndAuditedAsAFailure(string wrong)
    {
        var token = wrong switch
        {
            "audience" => Token(audience: "another-api"),
            "issuer" => Token(issuer: "https://evil.example.test/"),
            "expired" => Token(expires: TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-10)),
            "key" => Token(key: _otherKey),
            "unsigned" => new JsonWebTokenHandler().CreateToken(Descriptor(Issuer, Audience, TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5), ["patch-operators"], signing: null)),
            _ => "not.a.token",
        };
        using var client = ClientWith(token);
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"bearer-test-{wrong}");

        using var response = await client.GetAsync("/api/definitions");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=auth.failed");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        var entry = Assert.Single(audit["items"]!.AsArray(), e => e!["userAgent"]!.GetValue<string>() == $"bearer-test-{wrong}")!;
        Assert.Equal("bearer", entry["authScheme"]!.GetValue<string>());
        Assert.Equal(401, entry["outcome"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(entry["detail"]?.GetValue<string>()));
    }

    [Fact]
    public void Setup_AuthorityWithoutSigningKeys_UsesTheAuthoritysMetadata()
    {
        var options = new JwtBearerOptions();
        var auth = new AuthOptions { Oidc = new OidcOptions { Authority = "https://login.example.test/tenant/v2.0", Audience = "api://co" } };

        new BearerTokenSetup(Options.Create(auth)).Configure(AuthSchemes.Bearer, options);

        Assert.Equal("https://login.example.test/tenant/v2.0", options.Authority);
        Assert.True(options.RequireHttpsMetadata);
        Assert.Null(options.TokenValidationParameters.IssuerSigningKeys);
        Assert.Equal("https://login.example.test/tenant/v2.0", options.TokenValidationParameters.ValidIssuer);
        Assert.Equal("api://co", options.TokenValidationParameters.ValidAudience);
    }

    [Fact]
    public void Principal_DottedRoleClaimWithoutRoleMap_TakesOurRoleNamesFromTheJsonClaim()
    {
        var token = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "f3a1"),
            new Claim("realm_access", """{ "roles": [ "Designer", "offline_access" ] }""", JsonClaimValueTypes.Json),
        ]));

        var principal = BearerPrincipal.From(token, new OidcOptions { RoleClaim = "realm_access.roles" });

        Assert.Equal("f3a1", principal.Identity!.Name);
        Assert.Equal(["Designer", "Viewer"], principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal));
    }

    private HttpClient ClientWith(string token)
    {
        var client = _server.Server.ClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private string Token(string[]? groups = null, string issuer = Issuer, string audience = Audience, DateTime? expires = null, RSA? key = null) =>
        new JsonWebTokenHandler().CreateToken(Descriptor(
            issuer,
            audience,
            expires ?? TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(5),
            groups ?? ["patch-operators"],
            new SigningCredentials(new RsaSecurityKey(key ?? _key), SecurityAlgorithms.RsaSha256)));

    private static SecurityTokenDescriptor Descriptor(string issuer, string audience, DateTime expires, string[] groups, SigningCredentials? signing) => new()
    {
        Issuer = issuer,
        Audience = audience,
        NotBefore = expires.AddMinutes(-30),
        IssuedAt = expires.AddMinutes(-30),
        Expires = expires,
        SigningCredentials = signing,
        Claims = new Dictionary<string, object>
        {
            ["sub"] = "0b5c",
            ["preferred_username"] = "ann.operator",
            ["groups"] = groups,
        },
    };
}
