using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary><c>/api/admin/api-keys</c> over real HTTP on PostgreSQL: an issued key works at once, a revoked one is refused.</summary>
public sealed class ApiKeyEndpointsTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Create_ThenRevoke_KeyAuthenticatesUntilRevokedAndIsAudited()
    {
        var created = await _server.Server.PostJsonAsync("/api/admin/api-keys", new { name = "deploy-bot", roles = new[] { "Operator" } }, HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        var id = created["apiKey"]!["id"]!.GetValue<string>();
        using var asKey = _server.Server.ClientWithKey(key);

        var me = JsonNode.Parse(await asKey.GetStringAsync("/auth/me"))!;
        using var adminOnly = await asKey.GetAsync("/api/settings");
        var listed = await _server.Server.GetJsonAsync("/api/admin/api-keys");
        await _server.Server.PostJsonAsync($"/api/admin/api-keys/{id}/revoke", new { }, HttpStatusCode.OK);
        using var afterRevoke = await asKey.GetAsync("/api/definitions");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=apikey.*&object=apikey");

        Assert.Equal("deploy-bot", me["name"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Forbidden, adminOnly.StatusCode);
        var entry = listed["items"]!.AsArray().Single(k => k!["name"]!.GetValue<string>() == "deploy-bot")!;
        Assert.Equal("active", entry["state"]!.GetValue<string>());
        Assert.Null(entry["sha256"]);
        Assert.DoesNotContain(key, listed.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(["apikey.create", "apikey.revoke"], audit["items"]!.AsArray().Select(e => e!["action"]!.GetValue<string>()).ToArray());
        Assert.All(audit["items"]!.AsArray(), e => Assert.Equal(id, e!["objectId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Create_NameOfAnActiveKey_IsRefusedNamingTheField()
    {
        await _server.Server.PostJsonAsync("/api/admin/api-keys", new { name = "twice", roles = new[] { "Viewer" } }, HttpStatusCode.Created);

        var problem = await _server.Server.PostJsonAsync("/api/admin/api-keys", new { name = "twice", roles = new[] { "Viewer" } }, HttpStatusCode.BadRequest);

        Assert.Contains("already named 'twice'", problem["errors"]!["name"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_AsOperator_IsForbidden()
    {
        using var asOperator = _server.Server.ClientWithKey(TestKeys.ByRole["Operator"]);

        using var response = await asOperator.PostAsync("/api/admin/api-keys", JsonContent("""{"name":"sneaky","roles":["Admin"]}"""));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var listed = await _server.Server.GetJsonAsync("/api/admin/api-keys");
        Assert.DoesNotContain(listed["items"]!.AsArray(), k => k!["name"]!.GetValue<string>() == "sneaky");
    }

    [Fact]
    public async Task Revoke_UnknownId_IsNotFound()
    {
        var problem = await _server.Server.PostJsonAsync("/api/admin/api-keys/key_nope/revoke", new { }, HttpStatusCode.NotFound);

        Assert.Contains("key_nope", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
