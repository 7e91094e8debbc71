using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Approvals;

public sealed class ApprovalDecisionsTests : IAsyncLifetime
{
    private ServiceNowTestHost _sn = null!;

    public async Task InitializeAsync() => _sn = await ServiceNowTestHost.StartAsync();

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    [Fact]
    public async Task ApproverRecord_PatchedByItsApprover_MovesTheChangeToTheNextStage()
    {
        var id = await InAssessAsync();
        var approvalId = await PendingApprovalIdAsync(id);

        var response = await _sn.ClientFor("beth.anglin", "beth.anglin")
            .SendAsync(Method.Patch, "api/now/table/sysapproval_approver/" + approvalId, new { state = "approved", comments = "LGTM" });
        var change = (await _sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;
        var next = await _sn.Admin.GetJsonAsync($"api/now/table/sysapproval_approver?sysparm_query=sysapproval={id}^state=requested&sysparm_fields=approver.user_name");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("approved", response.Result.Text("state"));
        Assert.Equal(("-3", "requested"), (change.Text("state"), change.Text("approval")));
        Assert.Equal("abel.tuter", Assert.Single(next.Result.AsArray())!.Text("approver.user_name"));
    }

    [Fact]
    public async Task ApproverRecord_PatchedBySomeoneElse_Returns403()
    {
        var id = await InAssessAsync();
        var approvalId = await PendingApprovalIdAsync(id);

        var response = await _sn.ClientFor("abel.tuter", "abel.tuter")
            .SendAsync(Method.Patch, "api/now/table/sysapproval_approver/" + approvalId, new { state = "approved" });

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Operation Failed", response.ErrorMessage);
    }

    [Fact]
    public async Task ApproverRecord_DecidedTwice_SecondDecisionRefused()
    {
        var id = await InAssessAsync();
        var approvalId = await PendingApprovalIdAsync(id);
        await _sn.Admin.SendAsync(Method.Patch, "api/now/table/sysapproval_approver/" + approvalId, new { state = "rejected", comments = "No" });

        var again = await _sn.Admin.SendAsync(Method.Patch, "api/now/table/sysapproval_approver/" + approvalId, new { state = "approved" });

        Assert.Equal(HttpStatusCode.Forbidden, again.Status);
        Assert.Contains("no longer pending", again.ErrorDetail);
    }

    [Fact]
    public async Task ControlApprove_NothingPending_Returns409()
    {
        await _sn.Admin.CreateChangeAsync(new { short_description = "Not requested" });

        await _sn.SendAsync(Method.Post, "changes/CHG0030001/approve", expected: HttpStatusCode.Conflict);
        await _sn.SendAsync(Method.Post, "changes/CHG0039999/approve", expected: HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ApprovalPage_PendingChange_ListsItWithAFormPerApproval()
    {
        await InAssessAsync();

        var html = await ApprovalPageClient.ReadAsync(_sn.Anonymous());

        Assert.Contains("<tr data-number=\"CHG0030001\">", html);
        Assert.Contains("Beth Anglin", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("name=\"decision\" value=\"approve\"", html);
        Assert.Contains("name=\"decision\" value=\"reject\"", html);
    }

    [Fact]
    public async Task ApprovalPage_RejectPosted_SendsTheChangeBackToNew()
    {
        var id = await InAssessAsync();

        var redirect = await ApprovalPageClient.DecideAsync(_sn.Anonymous(), "CHG0030001", "reject", "Not now");
        var change = (await _sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;
        var html = await ApprovalPageClient.ReadAsync(_sn.Anonymous());

        Assert.EndsWith("message=CHG0030001%20rejected", redirect);
        Assert.Equal(("-5", "rejected"), (change.Text("state"), change.Text("approval")));
        Assert.DoesNotContain("data-number=\"CHG0030001\"", html);
    }

    private async Task<string> InAssessAsync()
    {
        var id = (await _sn.Admin.CreateChangeAsync(new { short_description = "Patch <script>" })).Text("sys_id");
        Assert.Equal(HttpStatusCode.OK, (await _sn.Admin.PatchChangeAsync(id, new { state = "-4" })).Status);
        return id;
    }

    private async Task<string> PendingApprovalIdAsync(string changeId)
    {
        var approvals = await _sn.Admin.GetJsonAsync($"api/now/table/sysapproval_approver?sysparm_query=sysapproval={changeId}^state=requested");
        return Assert.Single(approvals.Result.AsArray())!.Text("sys_id");
    }
}
