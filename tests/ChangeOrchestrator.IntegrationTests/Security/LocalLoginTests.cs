using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>Local users configured with PBKDF2 hashes: login as JSON or form, the session cookie, /auth/me, logout.</summary>
public sealed class LocalLoginTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Auth:Local:Users:0:Name"] = "olga",
        ["Auth:Local:Users:0:PasswordHash"] = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations),
        ["Auth:Local:Users:0:Roles:0"] = "Operator",
        ["Auth:Local:LoginPermitLimit"] = "1000",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Login_Json_SetsAStrictHttpOnlySessionThatCarriesTheUsersRoles()
    {
        using var client = SessionClient(out _);

        using var login = await client.PostAsJsonAsync("/auth/login", new { username = "olga", password = Password });
        var me = await client.GetFromJsonAsync<JsonObject>("/auth/me");
        using var start = await client.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change = "CHG-L1" } });
        using var publish = await client.PostAsJsonAsync("/api/definitions", new { id = "x" });

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(AuthSchemes.SessionCookie + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("olga", me!["name"]!.GetValue<string>());
        Assert.Equal("local", me["authScheme"]!.GetValue<string>());
        Assert.Equal(["Operator", "Viewer"], me["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
    }

    [Fact]
    public async Task Login_Form_Succeeds()
    {
        using var client = SessionClient(out _);

        using var login = await client.PostAsync("/auth/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "olga", ["password"] = Password }));
        using var me = await client.GetAsync("/auth/me");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Theory]
    [InlineData("olga", "wrong password")]
    [InlineData("olga", "Correct horse battery staple")]
    [InlineData("nobody", Password)]
    [InlineData("OLGA", Password)]
    public async Task Login_WrongNameOrPassword_Is401WithoutCookieAndAudited(string username, string password)
    {
        using var client = SessionClient(out var cookies);
        client.DefaultRequestHeaders.UserAgent.ParseAdd($"wrong-login-{Guid.NewGuid():N}");

        using var login = await client.PostAsJsonAsync("/auth/login", new { username, password });
        var problem = await login.Content.ReadFromJsonAsync<JsonObject>();
        using var me = await client.GetAsync("/auth/me");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=auth.login.failed");

        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal("Login failed", problem!["title"]!.GetValue<string>());
        Assert.Empty(cookies.GetCookies(client.BaseAddress!));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var agent = client.DefaultRequestHeaders.UserAgent.ToString();
        var entry = Assert.Single(audit["items"]!.AsArray(), e => e!["userAgent"]!.GetValue<string>() == agent)!;
        Assert.Equal(username, entry["actor"]!.GetValue<string>());
        Assert.Equal(401, entry["outcome"]!.GetValue<int>());
        Assert.DoesNotContain(password, entry.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "password": "x" }""", "application/json", HttpStatusCode.BadRequest, "username")]
    [InlineData("""{ "username": "olga" }""", "application/json", HttpStatusCode.BadRequest, "password")]
    [InlineData("""{ "username": "olga", "password": "x", "remember": true }""", "application/json", HttpStatusCode.BadRequest, "remember")]
    [InlineData("""{ "username": 5, "password": "x" }""", "application/json", HttpStatusCode.BadRequest, "$.username")]
    [InlineData("username=olga&password=x&role=Admin", "application/x-www-form-urlencoded", HttpStatusCode.BadRequest, "role")]
    [InlineData("olga:x", "text/plain", HttpStatusCode.UnsupportedMediaType, "form")]
    public async Task Login_MalformedBody_IsAProblemNamingTheField(string body, string contentType, HttpStatusCode expected, string named)
    {
        using var client = SessionClient(out _);

        using var login = await client.PostAsync("/auth/login", new StringContent(body, Encoding.UTF8, contentType));
        var text = await login.Content.ReadAsStringAsync();

        Assert.Equal(expected, login.StatusCode);
        Assert.Equal("application/problem+json", login.Content.Headers.ContentType?.MediaType);
        Assert.Contains(named, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_EndsTheSession()
    {
        using var client = SessionClient(out var cookies);
        using var login = await client.PostAsJsonAsync("/auth/login", new { username = "olga", password = Password });

        using var logout = await client.PostAsync("/auth/logout", null);
        using var me = await client.GetAsync("/auth/me");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=auth.logout&actor=olga");

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Empty(cookies.GetCookies(client.BaseAddress!));
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        Assert.NotEmpty(audit["items"]!.AsArray());
    }

    [Fact]
    public async Task Session_TamperedCookie_IsUnauthorizedAndAudited()
    {
        using var client = _server.Server.ClientWithKey(null);
        client.DefaultRequestHeaders.Add("Cookie", $"{AuthSchemes.SessionCookie}=CfDJ8forged");
        client.DefaultRequestHeaders.UserAgent.ParseAdd("forged-cookie");

        using var me = await client.GetAsync("/auth/me");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=auth.failed");

        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
        var entry = Assert.Single(audit["items"]!.AsArray(), e => e!["userAgent"]!.GetValue<string>() == "forged-cookie")!;
        Assert.Equal("local", entry["authScheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_OverHttps_MarksTheCookieSecure()
    {
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddChangeOrchestratorAuth(sandbox: true)
            .BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = "https";
        context.Request.Host = new HostString("orchestrator.example.test");

        await context.SignInAsync(AuthSchemes.Local, new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new(System.Security.Claims.ClaimTypes.Name, "olga")], AuthSchemes.Local)));

        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(AuthSchemes.SessionCookie + "=", cookie, StringComparison.Ordinal);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private HttpClient SessionClient(out CookieContainer cookies)
    {
        cookies = new CookieContainer();
        return new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = _server.Server.Client.BaseAddress };
    }
}
