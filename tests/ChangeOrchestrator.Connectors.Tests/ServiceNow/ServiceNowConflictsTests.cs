using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow;

/// <summary>The ServiceNow desk's conflict check, affected CIs and rescheduling, against the simulated instance over HTTP.</summary>
public sealed class ServiceNowConflictsTests
{
    private static readonly DateTimeOffset WindowStart = new(2025, 3, 1, 22, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WindowEnd = new(2025, 3, 1, 23, 30, 0, TimeSpan.Zero);

    private static readonly AffectedServer[] Servers =
    [
        new() { InstanceId = "i-0a1b2c3d4e5f60001", Name = "web-01" },
        new() { InstanceId = "i-0a1b2c3d4e5f60002", Name = "db-01" },
        new() { InstanceId = "i-0a1b2c3d4e5f60003", Name = "not-in-cmdb" },
    ];

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task FindConflicts_OtherChangeOnOurCiBlackoutAndMaintenance_ReportsEachAndLeavesOurOwnChangeOut()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var web = await InsertAsync(host, "cmdb_ci_server", new JsonObject { ["name"] = "ec2-web", ["object_id"] = "i-0a1b2c3d4e5f60001" });
        var db = await InsertAsync(host, "cmdb_ci_server", new JsonObject { ["name"] = "db-01" });
        var other = await OtherChangeAsync(host, "2025-03-01 23:00:00", "2025-03-02 01:00:00", db);
        await OtherChangeAsync(host, "2025-03-01 18:00:00", "2025-03-01 22:00:00", web);
        var ours = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-OURS"), Ct);
        await host.ServiceNow.AttachAffectedServersAsync(ours, Servers, Ct);
        var blackout = await InsertAsync(host, "cmn_schedule", new JsonObject { ["name"] = "Saturday close", ["type"] = "blackout", ["time_zone"] = "Europe/London" });
        await InsertAsync(host, "cmn_schedule_span", new JsonObject { ["schedule"] = blackout, ["name"] = "Ledger close", ["start_date_time"] = "20250222T223000", ["end_date_time"] = "20250222T230000", ["repeat_type"] = "weekly" });
        var maintenance = await InsertAsync(host, "cmn_schedule", new JsonObject { ["name"] = "Weekend maintenance", ["type"] = "maintenance" });
        await InsertAsync(host, "cmn_schedule_span", new JsonObject { ["schedule"] = maintenance, ["name"] = "Saturday night", ["start_date_time"] = "20250301T200000", ["end_date_time"] = "20250302T040000" });

        var conflicts = await host.ServiceNow.FindConflictsAsync(new ConflictQuery { Servers = Servers, Start = WindowStart, End = WindowEnd, CorrelationId = "PATCH-OURS" }, Ct);

        Assert.Equal(
            [(ConflictKind.Maintenance, "Weekend maintenance"), (ConflictKind.Blackout, "Saturday close"), (ConflictKind.Change, other)],
            conflicts.Select(c => (c.Kind, c.Reference)));
        Assert.Equal(["i-0a1b2c3d4e5f60002"], conflicts[2].Servers);
        Assert.Equal(("Database engine upgrade", new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero)), (conflicts[2].Title, conflicts[2].Start));
        Assert.Equal((new DateTimeOffset(2025, 3, 1, 22, 30, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 1, 23, 0, 0, TimeSpan.Zero)), (conflicts[1].Start, conflicts[1].End));
        Assert.Equal([false, true, true], conflicts.Select(c => c.Blocking));
    }

    [Fact]
    public async Task FindConflicts_OwnChangeByNumberAndNothingElse_FindsNothing()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        await InsertAsync(host, "cmdb_ci_server", new JsonObject { ["name"] = "web-01", ["object_id"] = "i-0a1b2c3d4e5f60001" });
        var ours = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-OURS"), Ct);
        await host.ServiceNow.AttachAffectedServersAsync(ours, Servers, Ct);

        var conflicts = await host.ServiceNow.FindConflictsAsync(new ConflictQuery { Servers = Servers, Start = WindowStart, End = WindowEnd, Number = ours.Number }, Ct);

        Assert.Empty(conflicts);
    }

    [Fact]
    public async Task AttachAffectedServers_Twice_InsertsOneTaskCiPerCiAndReportsServersNotInTheCmdb()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var web = await InsertAsync(host, "cmdb_ci_server", new JsonObject { ["name"] = "ec2-web", ["object_id"] = "i-0a1b2c3d4e5f60001" });
        var db = await InsertAsync(host, "cmdb_ci_server", new JsonObject { ["name"] = "db-01" });
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-CI"), Ct);

        var first = await host.ServiceNow.AttachAffectedServersAsync(change, Servers, Ct);
        var second = await host.ServiceNow.AttachAffectedServersAsync(change, Servers, Ct);

        var rows = (await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest($"api/now/table/task_ci?sysparm_query=task={change.Id}&sysparm_exclude_reference_link=true")))["result"]!.AsArray();
        Assert.Equal(new[] { web, db }.Order(StringComparer.Ordinal), rows.Select(r => r!["ci_item"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(["i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002"], first.Attached);
        Assert.Equal(["i-0a1b2c3d4e5f60003"], first.NotFound);
        Assert.Equal(first.Attached, second.Attached);
    }

    [Fact]
    public async Task AttachAffectedServers_CmdbImportsTheAwsFleet_FindsEveryServerAndFollowsAFleetReset()
    {
        // As the server's sandbox composes the simulators: the instance's CMDB filled from the simulated account.
        await using var host = await ServiceDeskTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:ServiceNow:Cmdb:ImportAwsFleet"] = "true",
            ["Simulators:Aws:FleetSize"] = "6",
        });
        using var aws = new RestClient(new RestClientOptions(host.Simulators.Url("sim/aws/_control/")));
        var fleet = await FleetAsync(aws);
        var cmdb = await CmdbServersAsync(host);
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-FLEET"), Ct);

        var attached = await host.ServiceNow.AttachAffectedServersAsync(change, fleet, Ct);

        Assert.Equal(fleet.Select(s => $"{s.InstanceId} {s.Name}").Order(StringComparer.Ordinal), cmdb.Select(r => $"{r.ObjectId} {r.Name}").Order(StringComparer.Ordinal));
        Assert.All(cmdb, r => Assert.Equal("SG-AWS", r.Source));
        Assert.Equal(fleet.Select(s => s.InstanceId), attached.Attached);
        Assert.Empty(attached.NotFound);

        await ServiceDeskTestHost.JsonAsync(aws, new RestRequest("reset", Method.Post).AddJsonBody(new { size = 3, seed = 7 }));
        var reseeded = await FleetAsync(aws);
        Assert.Equal(reseeded.Select(s => s.InstanceId).Order(StringComparer.Ordinal), (await CmdbServersAsync(host)).Select(r => r.ObjectId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Reschedule_NewWindow_MovesThePlannedDates()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-MOVE"), Ct);

        await host.ServiceNow.RescheduleAsync(change, WindowStart.AddDays(7), WindowEnd.AddDays(7), Ct);

        var record = (await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest($"api/now/table/change_request/{change.Id}?sysparm_fields=start_date,end_date")))["result"]!;
        Assert.Equal(("2025-03-08 22:00:00", "2025-03-08 23:30:00"), (record["start_date"]!.GetValue<string>(), record["end_date"]!.GetValue<string>()));
    }

    [Fact]
    public async Task FindConflicts_ScheduleInAnUnknownTimeZone_FailsNamingTheSchedule()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var blackout = await InsertAsync(host, "cmn_schedule", new JsonObject { ["name"] = "Mars freeze", ["type"] = "blackout", ["time_zone"] = "Mars/Olympus" });
        await InsertAsync(host, "cmn_schedule_span", new JsonObject { ["schedule"] = blackout, ["start_date_time"] = "20250301T000000", ["end_date_time"] = "20250302T000000" });

        var failure = await Assert.ThrowsAsync<ServiceDeskException>(() =>
            host.ServiceNow.FindConflictsAsync(new ConflictQuery { Servers = Servers, Start = WindowStart, End = WindowEnd }, Ct));

        Assert.False(failure.IsTransient);
        Assert.Contains("'Mars freeze'", failure.Message, StringComparison.Ordinal);
    }

    private static async Task<List<AffectedServer>> FleetAsync(RestClient aws) =>
        [.. (await ServiceDeskTestHost.JsonAsync(aws, new RestRequest("fleet/nodes"))).AsArray()
            .Select(n => new AffectedServer { InstanceId = n!["instanceId"]!.GetValue<string>(), Name = n["name"]!.GetValue<string>() })];

    private static async Task<List<(string ObjectId, string Name, string Source)>> CmdbServersAsync(ServiceDeskTestHost host) =>
        [.. (await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest("api/now/table/cmdb_ci_server?sysparm_fields=object_id,name,discovery_source")))["result"]!.AsArray()
            .Select(r => (r!["object_id"]!.GetValue<string>(), r["name"]!.GetValue<string>(), r["discovery_source"]!.GetValue<string>()))];

    private static async Task<string> OtherChangeAsync(ServiceDeskTestHost host, string start, string end, string ci)
    {
        var change = await PostAsync(host, "change_request", new JsonObject { ["short_description"] = "Database engine upgrade", ["start_date"] = start, ["end_date"] = end });
        await InsertAsync(host, "task_ci", new JsonObject { ["task"] = change["sys_id"]!.GetValue<string>(), ["ci_item"] = ci });
        return change["number"]!.GetValue<string>();
    }

    private static async Task<string> InsertAsync(ServiceDeskTestHost host, string table, JsonObject body) =>
        (await PostAsync(host, table, body))["sys_id"]!.GetValue<string>();

    private static async Task<JsonNode> PostAsync(ServiceDeskTestHost host, string table, JsonObject body)
    {
        var response = await host.SnAdmin.ExecuteAsync(new RestRequest($"api/now/table/{table}", Method.Post).AddStringBody(body.ToJsonString(), ContentType.Json));
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.Created, $"{table}: {(int)response.StatusCode} {response.Content}");
        return JsonNode.Parse(response.Content!)!["result"]!;
    }
}
