using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Auth;

public sealed class JiraAuthenticatorTests
{
    [Fact]
    public async Task Myself_BasicWithApiToken_ReturnsTheAccount()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JiraTestSite.OrchestratorEmail, response.Json()["emailAddress"]!.GetValue<string>());
        Assert.Equal("atlassian", response.Json()["accountType"]!.GetValue<string>());
    }

    [Fact]
    public async Task Myself_WrongApiToken_Returns401ErrorCollection()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Client(JiraTestSite.OrchestratorEmail, "a-password-not-a-token").ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var json = response.Json();
        Assert.Equal("Client must be authenticated to access this resource.", json["errorMessages"]![0]!.GetValue<string>());
        Assert.Empty(json["errors"]!.AsObject());
    }

    [Fact]
    public async Task GetIssue_NoCredentials_Returns401()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Anonymous.ExecuteAsync(new RestRequest("rest/api/3/issue/ITOPS-1"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Myself_PlainTextOptionAndBadCredentials_Returns401AsText()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?> { ["Simulators:Jira:UnauthorizedAsPlainText"] = "true" });

        var response = await site.Client("nobody@example.com", "x").ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.StartsWith("text/plain", response.ContentType);
        Assert.Equal("Client must be authenticated to access this resource.", response.Content);
    }

    [Fact]
    public async Task Myself_BearerThroughGatewayUrlOfTenantCloudId_Authenticates()
    {
        await using var site = await JiraTestSite.StartAsync();
        var cloudId = (await site.Anonymous.ExecuteAsync(new RestRequest("_edge/tenant_info"))).Json()["cloudId"]!.GetValue<string>();

        var gateway = await site.Bearer("sim-oauth-access-token", gateway: true).ExecuteAsync(new RestRequest("rest/api/3/myself"));
        var siteUrl = await site.Bearer("sim-oauth-access-token", gateway: false).ExecuteAsync(new RestRequest("rest/api/3/myself"));

        Assert.Equal("7c8e0f4a-3b1d-4c2e-9f6a-5d4b3a2c1e0f", cloudId);
        Assert.Equal(HttpStatusCode.OK, gateway.StatusCode);
        Assert.Contains($"/ex/jira/{cloudId}/rest/api/3/user", gateway.Json()["self"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, siteUrl.StatusCode);
    }

    [Fact]
    public async Task CreateIssue_ViewerAccount_Returns403ErrorCollection()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject { ["fields"] = new JsonObject { ["summary"] = "x" } };

        var response = await site.Viewer.SendJsonAsync(Method.Post, "rest/api/3/issue", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEmpty(response.Json()["errorMessages"]!.AsArray());
    }

    [Fact]
    public async Task RegisterAdminWebhook_AgentAccount_Returns403()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject { ["name"] = "x", ["url"] = "http://127.0.0.1:9/hook", ["events"] = new JsonArray("jira:issue_updated") };

        var response = await site.Approver.SendJsonAsync(Method.Post, "rest/webhooks/1.0/webhook", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RegisterDynamicWebhook_BasicAuthCaller_Returns403()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject
        {
            ["url"] = "http://127.0.0.1:9/hook",
            ["webhooks"] = new JsonArray(new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "project = ITOPS" }),
        };

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/webhook", body);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task SearchJql_AnonymousOnSiteThatAllowsIt_ReturnsNoIssues()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?> { ["Simulators:Jira:AnonymousSearchReturnsEmpty"] = "true" });
        await site.CreateChangeAsync();

        var anonymous = await site.Anonymous.ExecuteAsync(new RestRequest("rest/api/3/search/jql?jql=project%20%3D%20ITOPS"));
        var issue = await site.Anonymous.ExecuteAsync(new RestRequest("rest/api/3/issue/ITOPS-1"));

        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.Empty(anonymous.Json()["issues"]!.AsArray());
        Assert.Equal(HttpStatusCode.Unauthorized, issue.StatusCode);
    }
}
