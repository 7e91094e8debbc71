using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Comments;

public sealed class JiraCommentEndpointsTests
{
    [Fact]
    public async Task AddComment_AdfWithCodeBlock_Returns201AndListsBodyVerbatim()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var body = Adf.Doc("Wave 1 done.");
        body["content"]!.AsArray().Add(new JsonObject
        {
            ["type"] = "codeBlock",
            ["attrs"] = new JsonObject { ["language"] = "json" },
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "{\"patched\":12}" }),
        });

        var created = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", new JsonObject { ["body"] = body });
        var list = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/comment"))).Json();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(JiraTestSite.OrchestratorEmail, created.Json()["author"]!["emailAddress"]!.GetValue<string>());
        Assert.Equal(1, list["total"]!.GetValue<int>());
        Assert.True(JsonNode.DeepEquals(body, list["comments"]![0]!["body"]));
        var id = created.Json()["id"]!.GetValue<string>();
        var single = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/comment/{id}"));
        Assert.True(JsonNode.DeepEquals(body, single.Json()["body"]));
    }

    [Fact]
    public async Task AddComment_PlainStringBody_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", new JsonObject { ["body"] = "plain" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Operation value must be an Atlassian Document", response.Json()["errors"]!["comment"]!.GetValue<string>());
    }

    [Fact]
    public async Task AddComment_TextNodeWithoutText_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var body = Adf.Doc("x");
        body["content"]![0]!["content"]![0]!.AsObject().Remove("text");

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", new JsonObject { ["body"] = body });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AddServiceDeskComment_InternalNote_IsListedWithPublicFalseAndAsAdfOnPlatform()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var created = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/servicedeskapi/request/{key}/comment", new JsonObject { ["body"] = "Snapshot taken.", ["public"] = false });
        var jsm = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/servicedeskapi/request/{key}/comment"))).Json();
        var platform = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/comment"))).Json();

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.False(created.Json()["public"]!.GetValue<bool>());
        Assert.Equal("Snapshot taken.", jsm["values"]![0]!["body"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(Adf.Doc("Snapshot taken."), platform["comments"]![0]!["body"]));
        Assert.False(platform["comments"]![0]!["jsdPublic"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AddComment_PerIssueLimitReached_Returns413()
    {
        await using var site = await JiraTestSite.StartAsync(new Dictionary<string, string?> { ["Simulators:Jira:Limits:MaxCommentsPerIssue"] = "1" });
        var key = await site.CreateChangeAsync();
        var body = new JsonObject { ["body"] = Adf.Doc("one") };

        var first = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", body);
        var second = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/comment", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, second.StatusCode);
    }
}
