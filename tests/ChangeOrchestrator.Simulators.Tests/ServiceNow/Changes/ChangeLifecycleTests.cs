using System.Net;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow.Changes;

public sealed class ChangeLifecycleTests
{
    [Fact]
    public async Task NormalChange_ApprovedOnThePageThenImplemented_ClosesAndNotifiesEveryMove()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:ServiceNow:Notifications:Urls:0"] = receiver.Url.ToString(),
            ["Simulators:ServiceNow:Notifications:Secret"] = "s3cret",
        });
        var change = await sn.Admin.CreateChangeAsync(new { type = "normal", short_description = "Monthly patching", correlation_id = "PIPE-42" });
        var id = change.Text("sys_id");

        var assess = await sn.Admin.PatchChangeAsync(id, new { state = "-4" });
        var approvals = await sn.Admin.GetJsonAsync($"api/now/table/sysapproval_approver?sysparm_query=sysapproval={id}^state=requested&sysparm_display_value=true");
        var browser = sn.Anonymous();
        var redirect = await ApprovalPageClient.DecideAsync(browser, "CHG0030001", "approve", "Peer review done");
        var authorize = (await sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;
        await ApprovalPageClient.DecideAsync(browser, "CHG0030001", "approve", "CAB approved");
        var scheduled = (await sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;
        var implement = await sn.Admin.PatchChangeAsync(id, new { state = "-1", work_notes = "Patching started" });
        var review = await sn.Admin.PatchChangeAsync(id, new { state = "0" });
        var closed = await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "successful", close_notes = "All targets compliant" });
        var delivered = await receiver.WaitForAsync(6);

        Assert.Equal("-4", assess.Result.Text("state"));
        Assert.Equal("requested", assess.Result.Text("approval"));
        Assert.Equal("Beth Anglin", Assert.Single(approvals.Result.AsArray())!["approver"]!["display_value"]!.GetValue<string>());
        Assert.EndsWith("/sim/servicenow/approve?message=CHG0030001%20approved", redirect);
        Assert.Equal(("-3", "requested"), (authorize.Text("state"), authorize.Text("approval")));
        Assert.Equal(("-2", "approved"), (scheduled.Text("state"), scheduled.Text("approval")));
        Assert.Equal("-1", implement.Result.Text("state"));
        Assert.NotEqual("", implement.Result.Text("work_start"));
        Assert.Equal("0", review.Result.Text("state"));
        Assert.Equal(HttpStatusCode.OK, closed.Status);
        Assert.Equal(("3", "false", "successful"), (closed.Result.Text("state"), closed.Result.Text("active"), closed.Result.Text("close_code")));
        Assert.Equal(6, delivered.Count);
        Assert.All(delivered, d => Assert.Equal("s3cret", d.Header("X-Webhook-Token")));
        Assert.Equal(6, delivered.Select(d => d.Header("X-Delivery-Id")).Distinct().Count());
        Assert.Equal(["-1", "-2", "-3", "-4", "0", "3"], delivered.Select(d => d.Json.Text("state")).Order(StringComparer.Ordinal));
        Assert.All(delivered, d =>
        {
            Assert.Equal("change.updated", d.Json.Text("event"));
            Assert.Equal((id, "CHG0030001", "PIPE-42"), (d.Json.Text("sys_id"), d.Json.Text("number"), d.Json.Text("correlation_id")));
        });
    }

    [Fact]
    public async Task NormalChange_RejectedThroughControlApi_ReturnsToNewWithRejectedApproval()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Risky" })).Text("sys_id");
        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });

        var decision = await sn.SendAsync(Method.Post, "changes/CHG0030001/reject", new { comment = "Change freeze in effect" });
        var change = (await sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;
        var approval = (await sn.Admin.GetJsonAsync($"api/now/table/sysapproval_approver?sysparm_query=sysapproval={id}&sysparm_display_value=all")).Result.AsArray();
        var again = await sn.Admin.PatchChangeAsync(id, new { state = "-4" });

        Assert.Equal(1, decision["decided"]!.GetValue<int>());
        Assert.Equal(("-5", "rejected"), (change.Text("state"), change.Text("approval")));
        var rejected = Assert.Single(approval)!;
        Assert.Equal("rejected", rejected["state"]!["value"]!.GetValue<string>());
        Assert.Contains("Change freeze in effect", rejected["comments"]!["display_value"]!.GetValue<string>());
        Assert.Equal(("-4", "requested"), (again.Result.Text("state"), again.Result.Text("approval")));
    }

    [Fact]
    public async Task StandardChange_MovedToScheduled_SkipsApprovals()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { type = "standard", short_description = "Pre-approved patching" })).Text("sys_id");

        var scheduled = await sn.Admin.PatchChangeAsync(id, new { state = "-2" });
        var approvals = await sn.Admin.GetJsonAsync($"api/now/table/sysapproval_approver?sysparm_query=sysapproval={id}");

        Assert.Equal(("-2", "approved"), (scheduled.Result.Text("state"), scheduled.Result.Text("approval")));
        Assert.Empty(approvals.Result.AsArray());
    }

    [Fact]
    public async Task EmergencyChange_MovedToAuthorize_NeedsOnlyTheCabApproval()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { type = "emergency", short_description = "Zero-day fix" })).Text("sys_id");

        var authorize = await sn.Admin.PatchChangeAsync(id, new { state = "-3" });
        await sn.SendAsync(Method.Post, "changes/CHG0030001/approve", new { approver = "abel.tuter" });
        var change = (await sn.Admin.GetJsonAsync("api/now/table/change_request/" + id)).Result;

        Assert.Equal(("-3", "requested"), (authorize.Result.Text("state"), authorize.Result.Text("approval")));
        Assert.Equal(("-2", "approved"), (change.Text("state"), change.Text("approval")));
    }

    [Fact]
    public async Task Close_FromNew_Returns403AndKeepsTheRecord()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Too early" })).Text("sys_id");

        var response = await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "successful", close_notes = "done", work_notes = "not written" });
        var change = (await sn.Admin.GetJsonAsync($"api/now/table/change_request/{id}?sysparm_display_value=all")).Result;

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.Equal("Operation Failed", response.ErrorMessage);
        Assert.Contains("New to Closed", response.ErrorDetail);
        Assert.Equal("-5", change["state"]!["value"]!.GetValue<string>());
        Assert.Equal("", change["work_notes"]!["display_value"]!.GetValue<string>());
        Assert.Equal("0", change["sys_mod_count"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Close_FromReviewWithoutCloseCodeOrNotes_Returns403()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = await InReviewAsync(sn);

        var withoutCode = await sn.Admin.PatchChangeAsync(id, new { state = "3" });
        var withoutNotes = await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "successful" });
        var badCode = await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "great", close_notes = "done" });
        var complete = await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "unsuccessful", close_notes = "Rolled back" });

        Assert.Equal(HttpStatusCode.Forbidden, withoutCode.Status);
        Assert.Contains("Close code", withoutCode.ErrorDetail);
        Assert.Equal(HttpStatusCode.Forbidden, withoutNotes.Status);
        Assert.Contains("Close notes", withoutNotes.ErrorDetail);
        Assert.Equal(HttpStatusCode.Forbidden, badCode.Status);
        Assert.Equal(("3", "unsuccessful"), (complete.Result.Text("state"), complete.Result.Text("close_code")));
    }

    [Fact]
    public async Task Cancel_FromReview_Returns403ButFromImplementSucceeds()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var inReview = await InReviewAsync(sn);
        var inImplement = (await sn.Admin.CreateChangeAsync(new { type = "standard" })).Text("sys_id");
        await sn.Admin.PatchChangeAsync(inImplement, new { state = "-2" });
        await sn.Admin.PatchChangeAsync(inImplement, new { state = "-1" });

        var refused = await sn.Admin.PatchChangeAsync(inReview, new { state = "4" });
        var canceled = await sn.Admin.PatchChangeAsync(inImplement, new { state = "4" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("cannot be canceled", refused.ErrorDetail);
        Assert.Equal(("4", "false"), (canceled.Result.Text("state"), canceled.Result.Text("active")));
    }

    [Fact]
    public async Task Authorize_WrittenWhileAssessApprovalsPending_Returns403()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Impatient" })).Text("sys_id");
        await sn.Admin.PatchChangeAsync(id, new { state = "-4" });

        var skip = await sn.Admin.PatchChangeAsync(id, new { state = "-3" });
        var scheduled = await sn.Admin.PatchChangeAsync(id, new { state = "-2" });

        Assert.Equal(HttpStatusCode.Forbidden, skip.Status);
        Assert.Contains("approvals must be approved", skip.ErrorDetail);
        Assert.Equal(HttpStatusCode.Forbidden, scheduled.Status);
    }

    [Fact]
    public async Task Type_ChangedAfterApprovalsExist_Returns403()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Typed" })).Text("sys_id");
        var retyped = await sn.Admin.PatchChangeAsync(id, new { type = "emergency" });
        await sn.Admin.PatchChangeAsync(id, new { state = "-3" });

        var tooLate = await sn.Admin.PatchChangeAsync(id, new { type = "standard" });

        Assert.Equal("emergency", retyped.Result.Text("type"));
        Assert.Equal(HttpStatusCode.Forbidden, tooLate.Status);
    }

    [Fact]
    public async Task IllegalMove_InIgnoreGuardMode_SavesOtherFieldsAndKeepsState()
    {
        await using var sn = await ServiceNowTestHost.StartAsync(new Dictionary<string, string?> { ["Simulators:ServiceNow:GuardFailureMode"] = "Ignore" });
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "before" })).Text("sys_id");

        var response = await sn.Admin.PatchChangeAsync(id, new { state = "3", short_description = "after" });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(("-5", "after"), (response.Result.Text("state"), response.Result.Text("short_description")));
    }

    [Fact]
    public async Task WorkNotes_Written_ReadBackEmptyButKeptInTheJournal()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var id = (await sn.Admin.CreateChangeAsync(new { short_description = "Journal", work_notes = "Created by the pipeline" })).Text("sys_id");

        var patched = await sn.Admin.PatchChangeAsync(id, new { work_notes = "Wave 1 patched", comments = "Customer-visible note" });
        var display = (await sn.Admin.GetJsonAsync($"api/now/table/change_request/{id}?sysparm_fields=work_notes,comments&sysparm_display_value=true")).Result;
        var entries = (await sn.Admin.GetJsonAsync($"api/now/table/sys_journal_field?sysparm_query=element_id={id}^element=work_notes^ORDERBYsys_created_on")).Result.AsArray();

        Assert.Equal("", patched.Result.Text("work_notes"));
        Assert.Equal("1", patched.Result.Text("sys_mod_count"));
        var notes = display.Text("work_notes");
        Assert.Contains(" - System Administrator (Work notes)\nWave 1 patched\n\n", notes);
        Assert.True(notes.IndexOf("Wave 1 patched", StringComparison.Ordinal) < notes.IndexOf("Created by the pipeline", StringComparison.Ordinal));
        Assert.Contains("(Additional comments)\nCustomer-visible note", display.Text("comments"));
        Assert.Equal(["Created by the pipeline", "Wave 1 patched"], entries.Select(e => e!.Text("value")));
        Assert.All(entries, e => Assert.Equal("change_request", e!.Text("name")));
    }

    [Fact]
    public async Task StateChanges_ThroughTheTableApiAndARejection_AreAuditedOncePerMoveInSysAudit()
    {
        await using var sn = await ServiceNowTestHost.StartAsync();
        var rejected = (await sn.Admin.CreateChangeAsync(new { short_description = "Risky" })).Text("sys_id");
        await sn.Admin.PatchChangeAsync(rejected, new { state = "-4" });
        await sn.SendAsync(Method.Post, "changes/CHG0030001/reject", new { comment = "Change freeze in effect" });
        var id = await InReviewAsync(sn);
        await sn.Admin.PatchChangeAsync(id, new { state = "3", close_code = "successful", close_notes = "All targets compliant" });
        var refused = await sn.Admin.PatchChangeAsync(id, new { state = "-1" });

        var history = (await sn.Admin.GetJsonAsync($"api/now/table/sys_audit?sysparm_query=documentkey={id}^fieldname=state^ORDERBYsys_created_on")).Result.AsArray();
        var rejectedHistory = (await sn.Admin.GetJsonAsync($"api/now/table/sys_audit?sysparm_query=documentkey={rejected}^fieldname=state")).Result.AsArray();
        var write = await sn.Admin.SendAsync(Method.Post, "api/now/table/sys_audit", new { fieldname = "state", newvalue = "3", documentkey = id });

        Assert.NotEqual(HttpStatusCode.OK, refused.Status);
        Assert.Equal([("-5", "-2"), ("-2", "-1"), ("-1", "0"), ("0", "3")], history.Select(e => (e!.Text("oldvalue"), e!.Text("newvalue"))));
        Assert.All(history, e => Assert.Equal(("change_request", "admin"), (e!.Text("tablename"), e!.Text("user"))));
        Assert.Equal([("-5", "-4"), ("-4", "-5")], rejectedHistory.Select(e => (e!.Text("oldvalue"), e!.Text("newvalue"))));
        Assert.NotEqual(HttpStatusCode.Created, write.Status);
    }

    private static async Task<string> InReviewAsync(ServiceNowTestHost sn)
    {
        var id = (await sn.Admin.CreateChangeAsync(new { type = "standard", short_description = "To review" })).Text("sys_id");
        foreach (var state in new[] { "-2", "-1", "0" })
        {
            Assert.Equal(HttpStatusCode.OK, (await sn.Admin.PatchChangeAsync(id, new { state })).Status);
        }

        return id;
    }
}
