using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Search;

public sealed class JiraSearchEndpointsTests
{
    [Fact]
    public async Task SearchJql_ByCorrelationLabel_FindsOnlyThatChange()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.CreateChangeAsync("Other", new JsonObject { ["labels"] = new JsonArray("co-wf-1") });
        var key = await site.CreateChangeAsync("Mine", new JsonObject { ["labels"] = new JsonArray("co-wf-2", "patching") });

        var response = await Search(site, "project = ITOPS AND labels = \"co-wf-2\"", "summary,status");

        var issues = response.Json()["issues"]!.AsArray();
        Assert.Equal(key, Assert.Single(issues)!["key"]!.GetValue<string>());
        Assert.Equal("Mine", issues[0]!["fields"]!["summary"]!.GetValue<string>());
        Assert.True(response.Json()["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SearchJql_ByIssueProperty_FindsTheChangeCreatedWithIt()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.CreateChangeAsync("Other");
        var create = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "ITOPS" },
                ["issuetype"] = new JsonObject { ["name"] = "Change" },
                ["summary"] = "With property",
                ["customfield_10005"] = new JsonObject { ["value"] = "Standard" },
            },
            ["properties"] = new JsonArray(new JsonObject { ["key"] = "changeorchestrator", ["value"] = new JsonObject { ["instanceId"] = "wf-42" } }),
        };
        var key = (await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/issue", create)).Json()["key"]!.GetValue<string>();

        var response = await Search(site, "project = ITOPS AND issue.property[changeorchestrator].instanceId = \"wf-42\"");

        Assert.Equal(key, Assert.Single(response.Json()["issues"]!.AsArray())!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchJql_TextAndCustomFieldClauses_MatchAsJiraDoes()
    {
        await using var site = await JiraTestSite.StartAsync();
        var kernel = await site.CreateChangeAsync("Emergency kernel patch", new JsonObject { ["customfield_10006"] = new JsonObject { ["value"] = "High" } });
        await site.CreateChangeAsync("Monthly patch");

        var text = await Search(site, "summary ~ \"kernel\"");
        var risk = await Search(site, "\"Change risk\" = High AND status = Planning ORDER BY created DESC");
        var byCf = await Search(site, "cf[10006] in (High, Critical)");
        var notHigh = await Search(site, "project = ITOPS AND NOT (\"Change risk\" = High)");

        Assert.Equal(kernel, Assert.Single(text.Json()["issues"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(kernel, Assert.Single(risk.Json()["issues"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.Equal(kernel, Assert.Single(byCf.Json()["issues"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.NotEqual(kernel, Assert.Single(notHigh.Json()["issues"]!.AsArray())!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task SearchJql_InvalidQueries_Return400WithJiraMessages()
    {
        await using var site = await JiraTestSite.StartAsync();

        var syntax = await Search(site, "project = ");
        var field = await Search(site, "nosuchfield = 1");
        var value = await Search(site, "project = NOPE");
        var op = await Search(site, "status ~ Planning");

        Assert.Equal(HttpStatusCode.BadRequest, syntax.StatusCode);
        Assert.StartsWith("Error in the JQL Query:", syntax.Json()["errorMessages"]![0]!.GetValue<string>());
        Assert.Equal("Field 'nosuchfield' does not exist or you do not have permission to view it.", field.Json()["errorMessages"]![0]!.GetValue<string>());
        Assert.Equal("The value 'NOPE' does not exist for the field 'project'.", value.Json()["errorMessages"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, op.StatusCode);
    }

    [Fact]
    public async Task SearchJql_MoreThanOnePage_FollowsNextPageTokenToTheEnd()
    {
        await using var site = await JiraTestSite.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await site.CreateChangeAsync($"Change {i}");
        }

        var first = (await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/search/jql", new JsonObject { ["jql"] = "project = ITOPS ORDER BY key ASC", ["maxResults"] = 2, ["fields"] = new JsonArray("summary") })).Json();
        var token = first["nextPageToken"]!.GetValue<string>();
        var second = (await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/search/jql", new JsonObject { ["jql"] = "project = ITOPS ORDER BY key ASC", ["maxResults"] = 2, ["nextPageToken"] = token })).Json();

        Assert.Equal(["ITOPS-1", "ITOPS-2"], first["issues"]!.AsArray().Select(i => i!["key"]!.GetValue<string>()).ToList());
        Assert.False(first["isLast"]!.GetValue<bool>());
        Assert.Equal("ITOPS-3", Assert.Single(second["issues"]!.AsArray())!["key"]!.GetValue<string>());
        Assert.True(second["isLast"]!.GetValue<bool>());
        Assert.Null(second["nextPageToken"]);
    }

    [Fact]
    public async Task Search_RemovedEndpoint_Returns410()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/search?jql=project%20%3D%20ITOPS"));

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
    }

    [Fact]
    public async Task ApproximateCount_Query_CountsMatches()
    {
        await using var site = await JiraTestSite.StartAsync();
        await site.CreateChangeAsync();
        await site.CreateChangeAsync();

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/search/approximate-count", new JsonObject { ["jql"] = "issuetype = Change" });

        Assert.Equal(2, response.Json()["count"]!.GetValue<int>());
    }

    private static Task<RestResponse> Search(JiraTestSite site, string jql, string? fields = null)
    {
        var request = new RestRequest("rest/api/3/search/jql").AddQueryParameter("jql", jql);
        if (fields is not null)
        {
            request.AddQueryParameter("fields", fields);
        }

        return site.Orchestrator.ExecuteAsync(request);
    }
}
