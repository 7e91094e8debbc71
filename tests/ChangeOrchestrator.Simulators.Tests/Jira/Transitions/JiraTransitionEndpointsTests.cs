using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Transitions;

public sealed class JiraTransitionEndpointsTests
{
    [Fact]
    public async Task PostTransition_NotAvailableFromCurrentStatus_Returns400AndKeepsStatus()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/transitions", new JsonObject { ["transition"] = new JsonObject { ["id"] = "71" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Transition id '71' is not valid for this issue.", response.Json()["errorMessages"]![0]!.GetValue<string>());
        Assert.Equal("Planning", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task PostTransition_NoTransitionGiven_Returns400()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, $"rest/api/3/issue/{key}/transitions", new JsonObject());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PostTransition_FieldNotOnTransitionScreen_Returns400WithFieldError()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        var extra = new JsonObject { ["fields"] = new JsonObject { ["customfield_10006"] = new JsonObject { ["value"] = "High" } } };

        var response = await site.TransitionAsync(key, "Request approval", extra);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(response.Json()["errors"]!["customfield_10006"]);
        Assert.Equal("Planning", await site.StatusOfAsync(key));
    }

    [Fact]
    public async Task GetTransitions_ApprovalPendingWithUnavailableIncluded_ShowsDecisionTransitionsAsUnavailable()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        await site.TransitionAsync(key, "Request approval");

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions?includeUnavailableTransitions=true"));

        var transitions = response.Json()["transitions"]!.AsArray();
        Assert.False(transitions.Single(t => t!["name"]!.GetValue<string>() == "Approve")!["isAvailable"]!.GetValue<bool>());
        Assert.False(transitions.Single(t => t!["name"]!.GetValue<string>() == "Decline")!["isAvailable"]!.GetValue<bool>());
        var cancel = transitions.Single(t => t!["name"]!.GetValue<string>() == "Cancel")!;
        Assert.True(cancel["isAvailable"]!.GetValue<bool>());
        Assert.Equal("Canceled", cancel["to"]!["name"]!.GetValue<string>());
        Assert.Equal("done", cancel["to"]!["statusCategory"]!["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetTransitions_ViewerAccount_ReturnsNone()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Viewer.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Json()["transitions"]!.AsArray());
    }

    [Fact]
    public async Task PostTransition_CancelWhileApprovalPending_EndsCanceledWithWontDo()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();
        await site.TransitionAsync(key, "Request approval");

        var response = await site.TransitionAsync(key, "Cancel");
        var issue = (await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=status,resolution,resolutiondate"))).Json()["fields"]!;

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("Canceled", issue["status"]!["name"]!.GetValue<string>());
        Assert.Equal("Won't Do", issue["resolution"]!["name"]!.GetValue<string>());
        Assert.NotNull(issue["resolutiondate"]);
    }

    [Fact]
    public async Task GetTransitions_ExpandFields_ListsResolutionOnCompleteScreen()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync();

        var response = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}/transitions?expand=transitions.fields&transitionId=91"));

        var cancel = response.Json()["transitions"]!.AsArray().Single()!;
        Assert.True(cancel["hasScreen"]!.GetValue<bool>());
        Assert.Contains(cancel["fields"]!["resolution"]!["allowedValues"]!.AsArray(), v => v!["name"]!.GetValue<string>() == "Won't Do");
    }
}
