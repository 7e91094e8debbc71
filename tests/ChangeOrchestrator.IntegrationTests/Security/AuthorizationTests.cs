using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Security;

public sealed class AuthorizationTests : IAsyncLifetime
{
    private const string ExpiredKey = "test-expired-key-0005";

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private TestServer _server = null!;

    public async Task InitializeAsync() => _server = await TestServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:4:Name"] = "expired",
        ["Auth:ApiKeys:4:Sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(ExpiredKey))),
        ["Auth:ApiKeys:4:Roles:0"] = "Admin",
        ["Auth:ApiKeys:4:ExpiresAt"] = "2020-01-01T00:00:00Z",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task EveryMappedEndpoint_WithoutCredentials_IsRefusedOrSentToSignInUnlessPublic()
    {
        var endpoints = _server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        using var anonymous = _server.ClientWithKey(null);
        var checkedRoutes = 0;

        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var isPublic = pattern.StartsWith("/health/", StringComparison.Ordinal) || pattern.StartsWith("/sim/", StringComparison.Ordinal)
                || pattern is "/auth/login" or "/auth/logout"
                || pattern.StartsWith("/webhooks/", StringComparison.Ordinal) // verified per delivery against the source's secret instead
                || IsConsoleAssetOrSignIn(pattern);
            var allowsAnonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            Assert.True(isPublic == allowsAnonymous, $"{pattern}: anonymous access {(allowsAnonymous ? "allowed" : "refused")} but it is {(isPublic ? "" : "not ")}public");
            if (isPublic)
            {
                continue;
            }

            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                var url = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "x");
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = JsonContent.Create(new { }) };
                using var response = await anonymous.SendAsync(request);

                // A console page sends a browser to the sign-in page instead (the client follows the redirect).
                var refused = response.StatusCode == HttpStatusCode.Unauthorized
                    || (WebConsoleExtensions.IsConsolePath(pattern) && response.RequestMessage!.RequestUri!.AbsolutePath == "/signin");
                Assert.True(refused, $"{method} {pattern} answered {response.StatusCode} without credentials");
                checkedRoutes++;
            }
        }

        Assert.True(checkedRoutes >= 12, $"only {checkedRoutes} protected routes were found");
    }

    /// <summary>The console's scripts and styles, and the pages that sign in and out, open to anyone as on every site.</summary>
    // The console's static files: packages' assets, the Blazor framework, and the bundle of the components' scoped
    // styles (ChangeOrchestrator.Server.styles.css, also under its fingerprinted name and compressed).
    private static bool IsConsoleAssetOrSignIn(string pattern) =>
        pattern.StartsWith("/_content/", StringComparison.Ordinal) || pattern.StartsWith("/_framework/", StringComparison.Ordinal)
        || (pattern.StartsWith("/ChangeOrchestrator.Server.", StringComparison.Ordinal) && (pattern.EndsWith(".styles.css", StringComparison.Ordinal) || pattern.EndsWith(".styles.css.gz", StringComparison.Ordinal)))
        || pattern is "/signin" or "/signin/external" or "/signout";

    [Theory]
    [InlineData("Viewer", "GET", "/api/definitions", HttpStatusCode.OK)]
    [InlineData("Viewer", "POST", "/api/instances", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", "POST", "/api/definitions/validate", HttpStatusCode.Forbidden)]
    [InlineData("Viewer", "POST", "/api/events/approval/CHG1", HttpStatusCode.Forbidden)]
    [InlineData("Operator", "POST", "/api/instances", HttpStatusCode.Created)]
    [InlineData("Operator", "POST", "/api/events/approval/CHG1", HttpStatusCode.Accepted)]
    [InlineData("Operator", "POST", "/api/definitions", HttpStatusCode.Forbidden)]
    [InlineData("Designer", "POST", "/api/definitions/validate", HttpStatusCode.OK)]
    [InlineData("Designer", "POST", "/api/instances", HttpStatusCode.Forbidden)]
    [InlineData("Designer", "GET", "/api/instances", HttpStatusCode.OK)]
    [InlineData("Admin", "POST", "/api/instances", HttpStatusCode.Created)]
    public async Task Role_CallingARoute_IsAllowedOnlyWhatTheRoleGrants(string role, string method, string path, HttpStatusCode expected)
    {
        using var client = _server.ClientWithKey(TestKeys.ByRole[role]);
        object body = path switch
        {
            "/api/instances" => new { definitionId = "wait-approval", input = new { change = "CHG-A" } },
            "/api/definitions/validate" or "/api/definitions" => new { id = "x", name = "x", activities = new[] { new { id = "a", type = "Log", inputs = new { message = "m" } } } },
            _ => new { },
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "GET" ? null : JsonContent.Create(body) };

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData(ExpiredKey)]
    public async Task UnknownOrExpiredKey_IsUnauthorized(string key)
    {
        using var client = _server.ClientWithKey(key);

        using var response = await client.GetAsync("/api/definitions");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AuthorizationHeader_ApiKeyScheme_IsAccepted()
    {
        using var client = _server.ClientWithKey(null);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("ApiKey", TestKeys.ByRole["Viewer"]);

        using var response = await client.GetAsync("/api/definitions");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
