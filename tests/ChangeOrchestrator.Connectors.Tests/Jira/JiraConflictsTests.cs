using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.Jira;

/// <summary>The Jira desk's conflict search, affected servers and rescheduling, against the simulated site over HTTP.</summary>
public sealed class JiraConflictsTests
{
    private static readonly DateTimeOffset WindowStart = new(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2025, 3, 1, 23, 30, 0, TimeSpan.Zero);

    private static readonly AffectedServer[] Servers =
    [
        new() { InstanceId = "i-0a1b2c3d4e5f60001", Name = "web-01" },
        new() { InstanceId = "i-0a1b2c3d4e5f60002", Name = "db-01" },
    ];

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task FindConflicts_OtherChangesOnAndOffOurServers_ReportsOnlyTheOverlappingOneOnOurs()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var overlapping = await OtherChangeAsync(host, "2025-03-01T23:15", "2025-03-02T01:00", "i-0a1b2c3d4e5f60002", "i-0ffffffffffff0009");
        await OtherChangeAsync(host, "2025-03-01T23:15", "2025-03-02T01:00", "i-0ffffffffffff0009");
        await OtherChangeAsync(host, "2025-03-01T20:00", "2025-03-01T22:00", "i-0a1b2c3d4e5f60001");
        var ours = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-OURS"), Ct);
        await host.Jira.AttachAffectedServersAsync(ours, Servers, Ct);

        var conflicts = await host.Jira.FindConflictsAsync(new ConflictQuery { Servers = Servers, Start = WindowStart, End = WindowEnd, CorrelationId = "PATCH-OURS" }, Ct);
        var byNumber = await host.Jira.FindConflictsAsync(new ConflictQuery { Servers = Servers, Start = WindowStart, End = WindowEnd, Number = ours.Number }, Ct);

        var conflict = Assert.Single(conflicts);
        Assert.Equal((ConflictKind.Change, overlapping, "Storage firmware upgrade"), (conflict.Kind, conflict.Reference, conflict.Title));
        Assert.Equal(["i-0a1b2c3d4e5f60002"], conflict.Servers);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 23, 15, 0, TimeSpan.Zero), conflict.Start);
        Assert.Equal([overlapping], byNumber.Select(c => c.Reference));
    }

    [Fact]
    public async Task AttachAffectedServers_Twice_ListsEachServerOnceAndReportsOnesNoLabelCanHold()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-CI"), Ct);

        var first = await host.Jira.AttachAffectedServersAsync(change, [.. Servers, new AffectedServer { InstanceId = "host with spaces" }], Ct);
        await host.Jira.AttachAffectedServersAsync(change, Servers, Ct);

        var issue = await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest($"rest/api/3/issue/{change.Number}?fields=customfield_10014"));
        Assert.Equal(["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"], issue["fields"]!["customfield_10014"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(["host with spaces"], first.NotFound);
    }

    [Fact]
    public async Task Reschedule_NewWindow_MovesThePlannedDates()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-MOVE"), Ct);

        await host.Jira.RescheduleAsync(change, WindowStart.AddDays(7), WindowEnd.AddDays(7), Ct);

        var fields = (await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest($"rest/api/3/issue/{change.Number}?fields=customfield_10008,customfield_10009")))["fields"]!;
        Assert.Equal(("2025-03-08T22:00:00.000+0000", "2025-03-08T23:30:00.000+0000"),
            (fields["customfield_10008"]!.GetValue<string>(), fields["customfield_10009"]!.GetValue<string>()));
    }

    private static async Task<string> OtherChangeAsync(ServiceDeskTestHost host, string start, string end, params string[] servers)
    {
        var body = new JsonObject
        {
            ["fields"] = new JsonObject
            {
                ["project"] = new JsonObject { ["key"] = "ITOPS" },
                ["issuetype"] = new JsonObject { ["name"] = "Change" },
                ["summary"] = "Storage firmware upgrade",
                ["customfield_10005"] = new JsonObject { ["value"] = "Normal" },
                ["customfield_10008"] = start + ":00.000+0000",
                ["customfield_10009"] = end + ":00.000+0000",
                ["customfield_10014"] = new JsonArray([.. servers.Select(s => (JsonNode)s)]),
            },
        };
        var response = await host.JiraAgent.ExecuteAsync(new RestRequest("rest/api/3/issue", Method.Post).AddStringBody(body.ToJsonString(), ContentType.Json));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{(int)response.StatusCode} {response.Content}");
        return JsonNode.Parse(response.Content!)!["key"]!.GetValue<string>();
    }
}
