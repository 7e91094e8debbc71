using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Tables;

/// <summary>
/// The CMDB, affected CIs and schedules through the Table API with RestSharp, and the encoded queries a conflict
/// check sends over them.
/// </summary>
public sealed class ConfigurationTablesTests : IAsyncLifetime
{
    private ServiceNowTestHost _sn = null!;

    public async Task InitializeAsync() => _sn = await ServiceNowTestHost.StartAsync();

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    [Fact]
    public async Task Query_ServersByObjectIdOrName_FindsBoth()
    {
        var byId = await InsertAsync("cmdb_ci_server", new { name = "web-01", object_id = "i-0aaa000000000001" });
        var byName = await InsertAsync("cmdb_ci_server", new { name = "db-01" });
        await InsertAsync("cmdb_ci_server", new { name = "other", object_id = "i-0fff000000000009" });

        var response = await _sn.Admin.GetJsonAsync("api/now/table/cmdb_ci_server?sysparm_query=object_idINi-0aaa000000000001,i-0bbb000000000002^ORnameINdb-01&sysparm_fields=sys_id");

        Assert.Equal(new[] { byId, byName }.Order(StringComparer.Ordinal), response.Result.AsArray().Select(r => r!.Text("sys_id")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TaskCi_InsertedByAnItilUser_JoinsAChangeToItsCisAndGoesWithTheChange()
    {
        var ci = await InsertAsync("cmdb_ci_server", new { name = "web-01", object_id = "i-0aaa000000000001" });
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "Patch", start_date = "2026-12-06 02:00:00", end_date = "2026-12-06 04:00:00" });
        var itil = _sn.ClientFor("beth.anglin", "beth.anglin");

        var insert = await itil.SendAsync(Method.Post, "api/now/table/task_ci", new { task = change.Text("sys_id"), ci_item = ci });
        var overlapping = await _sn.Admin.GetJsonAsync(
            $"api/now/table/change_request?sysparm_query=sys_idIN{change.Text("sys_id")}^active=true^start_date<2026-12-06 03:00:00^end_date>2026-12-06 01:00:00&sysparm_fields=number");
        var before = await _sn.Admin.GetJsonAsync("api/now/table/change_request?sysparm_query=start_date<2026-12-06 01:00:00&sysparm_fields=number");
        var delete = new RestRequest("api/now/table/change_request/" + change.Text("sys_id"), Method.Delete);
        delete.AddStringBody("", ContentType.Json);
        var deleted = await _sn.Admin.SendAsync(delete);
        var left = await _sn.Admin.GetJsonAsync($"api/now/table/task_ci?sysparm_query=ci_item={ci}");

        Assert.Equal(HttpStatusCode.Created, insert.Status);
        Assert.Equal(ci, insert.Result["ci_item"]!["value"]!.GetValue<string>());
        Assert.Equal(change.Text("number"), Assert.Single(overlapping.Result.AsArray())!.Text("number"));
        Assert.Empty(before.Result.AsArray());
        Assert.Equal(HttpStatusCode.NoContent, deleted.Status);
        Assert.Empty(left.Result.AsArray());
    }

    [Fact]
    public async Task TaskCi_WithoutTheCi_IsRefusedByTheDataPolicy()
    {
        var change = await _sn.Admin.CreateChangeAsync(new { short_description = "Patch" });

        var response = await _sn.Admin.SendAsync(Method.Post, "api/now/table/task_ci", new { task = change.Text("sys_id") });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Operation Failed", response.ErrorMessage);
        Assert.Contains("ci_item", response.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CmdbAndSchedules_WrittenByAnItilUser_AreRefusedByAcl()
    {
        var itil = _sn.ClientFor("beth.anglin", "beth.anglin");

        var server = await itil.SendAsync(Method.Post, "api/now/table/cmdb_ci_server", new { name = "web-01" });
        var schedule = await itil.SendAsync(Method.Post, "api/now/table/cmn_schedule", new { name = "Freeze", type = "blackout" });
        var users = await _sn.Admin.SendAsync(Method.Post, "api/now/table/sys_user", new { user_name = "x" });

        Assert.Equal(HttpStatusCode.Forbidden, server.Status);
        Assert.Equal(HttpStatusCode.Forbidden, schedule.Status);
        Assert.Equal(HttpStatusCode.Forbidden, users.Status);
        Assert.Contains("ACL Exception Insert Failed", server.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Query_SchedulesByTypeAndTheirSpans_ReturnsBlackoutsAndMaintenance()
    {
        var blackout = await InsertAsync("cmn_schedule", new { name = "Quarter close", type = "blackout", time_zone = "Europe/London" });
        var maintenance = await InsertAsync("cmn_schedule", new { name = "Weekend", type = "maintenance" });
        await InsertAsync("cmn_schedule", new { name = "Excluded holidays", type = "excluded" });
        await InsertAsync("cmn_schedule_span", new { schedule = blackout, name = "Close", start_date_time = "20261228T000000", end_date_time = "20270104T000000" });
        await InsertAsync("cmn_schedule_span", new { schedule = maintenance, name = "Sunday", start_date_time = "20261206T020000", end_date_time = "20261206T060000", repeat_type = "weekly" });

        var schedules = await _sn.Admin.GetJsonAsync("api/now/table/cmn_schedule?sysparm_query=typeINblackout,maintenance&sysparm_fields=sys_id,name,type,time_zone");
        var spans = await _sn.Admin.GetJsonAsync($"api/now/table/cmn_schedule_span?sysparm_query=scheduleIN{blackout},{maintenance}&sysparm_fields=name,repeat_type&sysparm_exclude_reference_link=true");

        Assert.Equal(["Quarter close", "Weekend"], schedules.Result.AsArray().Select(s => s!.Text("name")).Order(StringComparer.Ordinal));
        Assert.Equal(["", "weekly"], spans.Result.AsArray().Select(s => s!.Text("repeat_type")).Order(StringComparer.Ordinal));
    }

    private async Task<string> InsertAsync(string table, object body)
    {
        var response = await _sn.Admin.SendAsync(Method.Post, "api/now/table/" + table, body);
        Assert.True(response.Status == HttpStatusCode.Created, $"{table}: {(int)response.Status} {response.Raw.Content}");
        return response.Result.Text("sys_id");
    }
}
