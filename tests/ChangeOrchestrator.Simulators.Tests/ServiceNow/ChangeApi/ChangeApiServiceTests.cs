using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.ChangeApi;

public sealed class ChangeApiServiceTests : IAsyncLifetime
{
    private ServiceNowTestHost _sn = null!;

    public async Task InitializeAsync() => _sn = await ServiceNowTestHost.StartAsync();

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    [Fact]
    public async Task CreateNormal_Returns200WithValueDisplayPairsAndIgnoredFields()
    {
        var response = await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/normal?correlation_id=from-query",
            new { short_description = "Via Change API", correlation_id = "from-body", no_such_field = "x" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var change = response.Result;
        Assert.Matches("^[0-9a-f]{32}$", change.Text("sys_id"));
        Assert.Equal("CHG0030001", change["number"]!["value"]!.GetValue<string>());
        Assert.Equal(("-5", "New"), (change["state"]!["value"]!.GetValue<string>(), change["state"]!["display_value"]!.GetValue<string>()));
        Assert.Equal(("normal", "Normal"), (change["type"]!["value"]!.GetValue<string>(), change["type"]!["display_value"]!.GetValue<string>()));
        Assert.Equal("from-body", change["correlation_id"]!["value"]!.GetValue<string>());
        Assert.Equal(["no_such_field"], change["__meta"]!["ignoredFields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_StateLabel_IsAcceptedAndRequestsApproval()
    {
        var id = (await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/normal", new { short_description = "Label" })).Result.Text("sys_id");

        var response = await _sn.Admin.SendAsync(Method.Patch, "api/sn_chg_rest/change/" + id, new { state = "assess" });

        Assert.Equal(("-4", "Requested"), (response.Result["state"]!["value"]!.GetValue<string>(), response.Result["approval"]!["display_value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NextStates_NewNormalChange_ListsAssessAndCanceled()
    {
        var id = (await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/normal", new { short_description = "Next" })).Result.Text("sys_id");

        var response = await _sn.Admin.GetJsonAsync($"api/sn_chg_rest/change/{id}/nextstates");

        var result = response.Result;
        Assert.Equal(["-5", "-4", "4"], result["available_states"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("Assess", result["state_label"]!["-4"]!.GetValue<string>());
        var toAssess = result["state_transitions"]!.AsArray()[0]![0]!;
        Assert.Equal(("-5", "-4", true), (toAssess.Text("from_state"), toAssess.Text("to_state"), toAssess["transition_available"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Approvals_PatchedByTheApprover_AdvanceAndByOthers_Return400()
    {
        var id = (await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/normal", new { short_description = "Approve me" })).Result.Text("sys_id");
        await _sn.Admin.SendAsync(Method.Patch, "api/sn_chg_rest/change/" + id, new { state = "assess" });

        var notApprover = await _sn.ClientFor("abel.tuter", "abel.tuter").SendAsync(Method.Patch, $"api/sn_chg_rest/change/{id}/approvals", new { state = "approved" });
        var noReason = await _sn.ClientFor("beth.anglin", "beth.anglin").SendAsync(Method.Patch, $"api/sn_chg_rest/change/{id}/approvals", new { state = "rejected" });
        var approved = await _sn.ClientFor("beth.anglin", "beth.anglin").SendAsync(Method.Patch, $"api/sn_chg_rest/change/{id}/approvals", new { state = "approved" });

        Assert.Equal(HttpStatusCode.BadRequest, notApprover.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.Status);
        Assert.Equal(HttpStatusCode.OK, approved.Status);
        Assert.Equal(("-3", "Authorize"), (approved.Result["state"]!["value"]!.GetValue<string>(), approved.Result["state"]!["display_value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task CreateStandard_FromTemplate_CopiesTheTemplate()
    {
        var templates = await _sn.Admin.GetJsonAsync("api/sn_chg_rest/change/standard/template");
        var templateId = templates.Result.AsArray()[0]!["sys_id"]!["value"]!.GetValue<string>();

        var response = await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/standard/" + templateId, new { correlation_id = "STD-1" });
        var unknown = await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/standard/0123456789abcdef0123456789abcdef", new { });

        Assert.Equal("standard", response.Result["type"]!["value"]!.GetValue<string>());
        Assert.Equal("Apply the monthly operating-system patch baseline", response.Result["short_description"]!["value"]!.GetValue<string>());
        Assert.Equal(templateId, response.Result["std_change_producer_version"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
    }

    [Fact]
    public async Task Delete_Change_Returns200EchoingTheRecord()
    {
        var id = (await _sn.Admin.SendAsync(Method.Post, "api/sn_chg_rest/change/emergency", new { short_description = "Gone" })).Result.Text("sys_id");
        var request = new RestRequest("api/sn_chg_rest/change/" + id, Method.Delete);
        request.AddStringBody("", ContentType.Json);

        var deleted = await _sn.Admin.SendAsync(request);
        var after = await _sn.Admin.GetJsonAsync("api/sn_chg_rest/change/" + id);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal("Gone", deleted.Result["short_description"]!["value"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
    }
}
