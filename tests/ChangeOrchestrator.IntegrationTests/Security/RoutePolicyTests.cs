using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>
/// Every protected route, as the endpoint data source lists it, called with each role's key: a role outside the
/// route's grant gets 403, a role inside it gets past authorization. The table below is the intended policy; a new
/// route is exercised with the policy it declares and fails the coverage test until it is added here.
/// </summary>
public sealed class RoutePolicyTests : IAsyncLifetime
{
    /// <summary>The least role each route needs; null means any authenticated caller.</summary>
    private static readonly Dictionary<string, string?> LeastRole = new(StringComparer.Ordinal)
    {
        ["GET /openapi/{documentName}.json"] = Roles.Viewer,
        ["GET /api/definitions"] = Roles.Viewer,
        ["GET /api/definitions/{id}"] = Roles.Viewer,
        ["GET /api/definitions/{id}/export"] = Roles.Viewer,
        ["POST /api/definitions/validate"] = Roles.Designer,
        ["POST /api/definitions"] = Roles.Designer,
        ["GET /api/definitions/{id}/draft"] = Roles.Designer,
        ["PUT /api/definitions/{id}/draft"] = Roles.Designer,
        ["POST /api/instances"] = Roles.Operator,
        ["GET /api/instances"] = Roles.Viewer,
        ["GET /api/instances/{id}"] = Roles.Viewer,
        ["GET /api/instances/{id}/journal"] = Roles.Viewer,
        ["GET /api/instances/{id}/results"] = Roles.Viewer,
        ["GET /api/instances/{id}/results/lists"] = Roles.Viewer,
        ["POST /api/instances/{id}/cancel"] = Roles.Operator,
        ["POST /api/instances/{id}/retry"] = Roles.Operator,
        ["POST /api/events/{kind}/{key}"] = Roles.Operator,
        ["GET /api/activities"] = Roles.Viewer,
        ["GET /api/schema/workflow"] = Roles.Viewer,
        ["GET /api/audit"] = Roles.Admin,
        ["GET /api/settings"] = Roles.Admin,
        ["GET /api/admin/api-keys"] = Roles.Admin,
        ["POST /api/admin/api-keys"] = Roles.Admin,
        ["POST /api/admin/api-keys/{id}/revoke"] = Roles.Admin,
        ["GET /api/policy"] = Roles.Admin,
        ["POST /api/policy/validate"] = Roles.Admin,
        ["POST /api/policy/plan"] = Roles.Admin,
        ["POST /api/policy/apply"] = Roles.Admin,
        ["GET /api/compliance/trend"] = Roles.Viewer,
        ["GET /api/compliance/servers"] = Roles.Viewer,
        ["GET /api/compliance/servers/{id}/history"] = Roles.Viewer,
        ["GET /api/compliance/sla"] = Roles.Viewer,
        ["GET /api/compliance/remediation"] = Roles.Viewer,
        ["GET /api/compliance/top-patches"] = Roles.Viewer,
        ["GET /api/compliance/changes"] = Roles.Viewer,
        ["GET /metrics"] = Roles.Viewer,
        ["GET /auth/me"] = null,

        // The web console: each page asks for the policy of the API it acts through (GET renders, POST is a form post).
        ["GET /"] = Roles.Viewer,
        ["POST /"] = Roles.Viewer,
        ["GET /instances"] = Roles.Viewer,
        ["POST /instances"] = Roles.Viewer,
        ["GET /instances/{Id}"] = Roles.Viewer,
        ["POST /instances/{Id}"] = Roles.Viewer,
        ["GET /instances/{id}/evidence.json"] = Roles.Viewer,
        ["GET /changes"] = Roles.Viewer,
        ["POST /changes"] = Roles.Viewer,
        ["GET /compliance"] = Roles.Viewer,
        ["POST /compliance"] = Roles.Viewer,
        ["GET /compliance/servers/{Id}"] = Roles.Viewer,
        ["POST /compliance/servers/{Id}"] = Roles.Viewer,

        // Everyone signed in sees the designer; editing and publishing are checked by its service (Designer or Admin).
        ["GET /designer"] = Roles.Viewer,
        ["POST /designer"] = Roles.Viewer,
        ["GET /designer/{Id}"] = Roles.Viewer,
        ["POST /designer/{Id}"] = Roles.Viewer,
        ["GET /start"] = Roles.Operator,
        ["POST /start"] = Roles.Operator,
        ["GET /start/{DefinitionId}"] = Roles.Operator,
        ["POST /start/{DefinitionId}"] = Roles.Operator,
        ["GET /admin/audit"] = Roles.Admin,
        ["POST /admin/audit"] = Roles.Admin,
        ["GET /admin/settings"] = Roles.Admin,
        ["POST /admin/settings"] = Roles.Admin,
        ["GET /admin/api-keys"] = Roles.Admin,
        ["POST /admin/api-keys"] = Roles.Admin,
        ["GET /forbidden"] = null,
        ["POST /forbidden"] = null,

        // The console's live connection, and the framework's file fallback: anyone signed in.
        ["GET /_blazor"] = null,
        ["GET /_blazor/negotiate"] = null,
        ["GET /_blazor/disconnect"] = null,
        ["GET /_blazor/initializers"] = null,
        ["GET /{**path:file}"] = null,
        ["HEAD /{**path:file}"] = null,
    };

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public void EveryProtectedRoute_DeclaresThePolicyOfTheTable()
    {
        var routes = ProtectedRoutes();

        var missing = routes.Keys.Where(route => !LeastRole.ContainsKey(route)).ToList();
        Assert.True(missing.Count == 0, $"not in the policy table (decide which role each needs and add it): {string.Join("; ", missing)}");
        foreach (var (route, declared) in routes)
        {
            var least = LeastRole[route];
            Assert.True(Granted(least).SetEquals(declared), $"{route} lets in {string.Join(", ", declared)}, the table says {string.Join(", ", Granted(least))}");
        }

        Assert.Empty(LeastRole.Keys.Except(routes.Keys));
    }

    [Fact]
    public async Task EveryProtectedRoute_CalledByEachRole_IsRefusedExactlyOutsideItsGrant()
    {
        var checkedCalls = 0;
        foreach (var (route, declared) in ProtectedRoutes())
        {
            var granted = LeastRole.TryGetValue(route, out var least) ? Granted(least) : declared;
            var method = route[..route.IndexOf(' ', StringComparison.Ordinal)];
            var url = Regex.Replace(route[(method.Length + 1)..], "{[^}]+}", "x");
            foreach (var role in Roles.All)
            {
                using var client = _server.Server.ClientWithKey(TestKeys.ByRole[role]);
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = method == "GET" ? null : JsonContent.Create(new { }) };

                using var response = await client.SendAsync(request);

                var allowed = granted.Contains(role);
                Assert.True(
                    allowed ? response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized) : response.StatusCode == HttpStatusCode.Forbidden,
                    $"{role} {route}: answered {(int)response.StatusCode}, but the role is {(allowed ? "" : "not ")}granted");
                checkedCalls++;
            }
        }

        Assert.True(checkedCalls >= LeastRole.Count * Roles.All.Count, $"only {checkedCalls} calls were checked");
    }

    [Fact]
    public void NoRoute_ApprovesOrRejectsAChange()
    {
        // Approval happens in the service desk; an approval event only makes the engine read the desk's decision.
        var routes = _server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => e.RoutePattern.RawText ?? string.Empty)
            .Where(p => !p.StartsWith("/sim/", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(routes);
        Assert.DoesNotContain(routes, p => Regex.IsMatch(p, "approv|reject|decision", RegexOptions.IgnoreCase));
    }

    /// <summary>Each role that may call a route.</summary>
    private static HashSet<string> Granted(string? leastRole) =>
        Roles.All.Where(role => leastRole is null || Roles.Expand(role).Contains(leastRole)).ToHashSet(StringComparer.Ordinal);

    /// <summary>Every route that needs a caller, with the roles its declared policies let in.</summary>
    private Dictionary<string, HashSet<string>> ProtectedRoutes()
    {
        var routes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var endpoint in _server.Server.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                continue;
            }

            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().ToList();
            var granted = Roles.All.Where(role => policies.All(policy => Roles.Expand(role).Contains(policy))).ToHashSet(StringComparer.Ordinal);
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            {
                routes[$"{method} {pattern}"] = granted;
            }
        }

        return routes;
    }
}
