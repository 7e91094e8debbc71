using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Projects;

/// <summary>The project reads a standard Jira client makes first, through RestSharp as such a client would.</summary>
public sealed class JiraProjectEndpointsTests
{
    [Fact]
    public async Task ProjectSearch_Authenticated_ReturnsAPageWithTheServiceProject()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/search"));

        var page = response.Json();
        var project = Assert.Single(page["values"]!.AsArray())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((0, 50, 1, true), (page["startAt"]!.GetValue<int>(), page["maxResults"]!.GetValue<int>(), page["total"]!.GetValue<int>(), page["isLast"]!.GetValue<bool>()));
        Assert.Equal(("10000", "ITOPS", "IT Operations", "service_desk"),
            (project["id"]!.GetValue<string>(), project["key"]!.GetValue<string>(), project["name"]!.GetValue<string>(), project["projectTypeKey"]!.GetValue<string>()));
        Assert.EndsWith("/rest/api/3/project/10000", project["self"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(project["issueTypes"]);
    }

    [Fact]
    public async Task ProjectSearch_FilteredAndExpanded_ReturnsWhatWasAskedFor()
    {
        await using var site = await JiraTestSite.StartAsync();

        var byKey = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/search").AddQueryParameter("keys", "ITOPS").AddQueryParameter("expand", "issueTypes,lead"));
        var byQuery = await site.Viewer.ExecuteAsync(new RestRequest("rest/api/3/project/search").AddQueryParameter("query", "operations"));
        var none = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/search").AddQueryParameter("keys", "HR"));
        var pastTheEnd = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/search").AddQueryParameter("startAt", "1"));

        var expanded = byKey.Json()["values"]![0]!;
        Assert.Contains("Change", expanded["issueTypes"]!.AsArray().Select(t => t!["name"]!.GetValue<string>()));
        Assert.Equal("Change Orchestrator", expanded["lead"]!["displayName"]!.GetValue<string>());
        Assert.Single(byQuery.Json()["values"]!.AsArray());
        Assert.Equal(0, none.Json()["total"]!.GetValue<int>());
        Assert.Empty(pastTheEnd.Json()["values"]!.AsArray());
        Assert.True(pastTheEnd.Json()["isLast"]!.GetValue<bool>());
    }

    [Fact]
    public async Task GetProject_ByKeyOrId_ReturnsTheFullProject()
    {
        await using var site = await JiraTestSite.StartAsync();

        var byKey = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/ITOPS"));
        var byId = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/10000"));
        var statuses = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/ITOPS/statuses"));
        var issueTypes = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/issuetype"));

        var project = byKey.Json();
        Assert.Equal(HttpStatusCode.OK, byKey.StatusCode);
        Assert.Equal("ITOPS", byId.Json()["key"]!.GetValue<string>());
        Assert.Equal("5b10a2844c20165700ede21a", project["lead"]!["accountId"]!.GetValue<string>());
        Assert.Equal(4, project["issueTypes"]!.AsArray().Count);
        Assert.Empty(project["components"]!.AsArray());
        Assert.Contains("Awaiting approval", statuses.Json().AsArray().Single(t => t!["name"]!.GetValue<string>() == "Change")!["statuses"]!.AsArray().Select(s => s!["name"]!.GetValue<string>()));
        Assert.Equal(4, issueTypes.Json().AsArray().Count);
    }

    [Fact]
    public async Task GetProject_UnknownKey_Returns404WithJirasErrorCollection()
    {
        await using var site = await JiraTestSite.StartAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/NOPE"));
        var statuses = await site.Orchestrator.ExecuteAsync(new RestRequest("rest/api/3/project/NOPE/statuses"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("No project could be found with key 'NOPE'.", Assert.Single(response.Json()["errorMessages"]!.AsArray())!.GetValue<string>());
        Assert.Empty(response.Json()["errors"]!.AsObject());
        Assert.Equal(HttpStatusCode.NotFound, statuses.StatusCode);
    }

    [Fact]
    public async Task ProjectSearch_WithoutCredentials_Returns401()
    {
        await using var site = await JiraTestSite.StartAsync();

        var search = await site.Anonymous.ExecuteAsync(new RestRequest("rest/api/3/project/search"));
        var get = await site.Anonymous.ExecuteAsync(new RestRequest("rest/api/3/project/ITOPS"));

        Assert.Equal(HttpStatusCode.Unauthorized, search.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
    }
}
