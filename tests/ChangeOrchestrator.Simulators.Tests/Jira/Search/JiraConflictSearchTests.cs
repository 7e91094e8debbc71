using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira.Search;

/// <summary>The search a conflict check makes: open Change issues whose planned dates overlap a window and whose Affected servers name ours.</summary>
public sealed class JiraConflictSearchTests
{
    [Fact]
    public async Task SearchJql_OverlappingDatesAndAffectedServers_FindsOnlyTheOpenChangeOnThoseServers()
    {
        await using var site = await JiraTestSite.StartAsync();
        var overlapping = await site.CreateChangeAsync("On i-1 in the window", Planned("2026-12-06T02:00", "2026-12-06T04:00", "i-0aaa000000000001"));
        await site.CreateChangeAsync("On another server", Planned("2026-12-06T02:00", "2026-12-06T04:00", "i-0bbb000000000002"));
        await site.CreateChangeAsync("Before the window", Planned("2026-12-05T20:00", "2026-12-06T01:00", "i-0aaa000000000001"));
        var cancelled = await site.CreateChangeAsync("Cancelled", Planned("2026-12-06T02:00", "2026-12-06T04:00", "i-0aaa000000000001"));
        await site.TransitionAsync(cancelled, "Cancel");

        var response = await site.Orchestrator.SendJsonAsync(Method.Post, "rest/api/3/search/jql", new JsonObject
        {
            ["jql"] = "project = \"ITOPS\" AND issuetype = 10004 AND statusCategory != Done AND cf[10008] < \"2026-12-06 06:00\" AND cf[10009] > \"2026-12-06 02:30\" AND \"Affected servers\" in (\"i-0aaa000000000001\", \"i-0ccc000000000003\")",
            ["fields"] = new JsonArray("summary", "customfield_10014"),
        });

        var issue = Assert.Single(response.Json()["issues"]!.AsArray())!;
        Assert.Equal(overlapping, issue["key"]!.GetValue<string>());
        Assert.Equal(["i-0aaa000000000001"], issue["fields"]!["customfield_10014"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task EditIssue_AddToAffectedServers_KeepsWhatWasThere()
    {
        await using var site = await JiraTestSite.StartAsync();
        var key = await site.CreateChangeAsync("Mine", Planned("2026-12-06T02:00", "2026-12-06T04:00", "i-0aaa000000000001"));

        var edit = await site.Orchestrator.SendJsonAsync(Method.Put, $"rest/api/3/issue/{key}", new JsonObject
        {
            ["update"] = new JsonObject { ["customfield_10014"] = new JsonArray(new JsonObject { ["add"] = "i-0bbb000000000002" }) },
        });
        var read = await site.Orchestrator.ExecuteAsync(new RestRequest($"rest/api/3/issue/{key}?fields=customfield_10014"));

        Assert.Equal(204, (int)edit.StatusCode);
        Assert.Equal(["i-0aaa000000000001", "i-0bbb000000000002"], read.Json()["fields"]!["customfield_10014"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    private static JsonObject Planned(string start, string end, string server) => new()
    {
        ["customfield_10008"] = start + ":00.000+0000",
        ["customfield_10009"] = end + ":00.000+0000",
        ["customfield_10014"] = new JsonArray(server),
    };
}
