using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Webhooks;

public sealed class JiraWebhookRegistrationTests
{
    [Fact]
    public async Task AdminWebhook_RegisterListUpdateDelete_NeverShowsTheSecret()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "gate",
            ["url"] = "http://127.0.0.1:9/jira",
            ["events"] = new JsonArray("jira:issue_updated"),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = ITOPS" },
            ["secret"] = "s3cret",
        };

        var created = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/webhooks/1.0/webhook", body);
        var self = created.Json()["self"]!.GetValue<string>();
        var id = self[(self.LastIndexOf('/') + 1)..];
        body["name"] = "gate-2";
        var updated = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/webhooks/1.0/webhook/{id}", body);
        var list = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/webhooks/1.0/webhook"));
        var deleted = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/webhooks/1.0/webhook/{id}", Method.Delete));
        var after = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/webhooks/1.0/webhook/{id}"));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("gate-2", updated.Json()["name"]!.GetValue<string>());
        Assert.Equal("project = ITOPS", list.Json()[0]!["filters"]!["issue-related-events-section"]!.GetValue<string>());
        Assert.DoesNotContain("s3cret", list.Content);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
    }

    [Fact]
    public async Task AdminWebhook_BadUrlEventsAndJql_Returns400WithFieldErrors()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject
        {
            ["name"] = "bad",
            ["url"] = "not a url",
            ["events"] = new JsonArray("jira:issue_exploded"),
            ["filters"] = new JsonObject { ["issue-related-events-section"] = "project = " },
        };

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/webhooks/1.0/webhook", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = response.Json()["errors"]!;
        Assert.NotNull(errors["url"]);
        Assert.NotNull(errors["events"]);
        Assert.NotNull(errors["filters"]);
    }

    [Fact]
    public async Task DynamicWebhook_App_RegistersListsRefreshesAndDeletes()
    {
        await using var site = await JiraTestSite.StartAsync();
        var app = site.Bearer("sim-oauth-access-token", gateway: true);
        var body = new JsonObject
        {
            ["url"] = "http://127.0.0.1:9/app",
            ["webhooks"] = new JsonArray(
                new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "project = ITOPS", ["fieldIdsFilter"] = new JsonArray("status") },
                new JsonObject { ["events"] = new JsonArray("jira:issue_updated"), ["jqlFilter"] = "watchCount = 1" }),
        };

        var registered = await app.SendJsonAsync(Method.Post, "rest/api/3/webhook", body);
        var results = registered.Json()["webhookRegistrationResult"]!.AsArray();
        var id = results[0]!["createdWebhookId"]!.GetValue<long>();
        var list = await app.ExecuteAsync(new RestRequest("rest/api/3/webhook"));
        var refreshed = await app.SendJsonAsync(Method.Put, "rest/api/3/webhook/refresh", new JsonObject { ["webhookIds"] = new JsonArray(id) });
        var deleted = await app.SendJsonAsync(Method.Delete, "rest/api/3/webhook", new JsonObject { ["webhookIds"] = new JsonArray(id) });
        var empty = await app.ExecuteAsync(new RestRequest("rest/api/3/webhook"));

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.NotEmpty(results[1]!["errors"]!.AsArray());
        Assert.Equal(1, list.Json()["total"]!.GetValue<int>());
        Assert.Equal("project = ITOPS", list.Json()["values"]![0]!["jqlFilter"]!.GetValue<string>());
        Assert.Matches(@"\+0000$", refreshed.Json()["expirationDate"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Accepted, deleted.StatusCode);
        Assert.Equal(0, empty.Json()["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ControlWebhooks_RegisterWithoutCredentials_IsListedAsSigned()
    {
        await using var site = await JiraTestSite.StartAsync();
        var body = new JsonObject { ["name"] = "sandbox", ["url"] = "http://127.0.0.1:9/jira", ["events"] = new JsonArray("jira:issue_created"), ["secret"] = "x" };

        var created = await site.Control.SendJsonAsync(Method.Post, "webhooks", body);
        var list = (await site.Control.ExecuteAsync(new RestRequest("webhooks"))).Json().AsArray();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var webhook = Assert.Single(list)!;
        Assert.True(webhook["signed"]!.GetValue<bool>());
        Assert.Equal("AdminRest", webhook["kind"]!.GetValue<string>());
    }
}
