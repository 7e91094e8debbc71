using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.ServiceNow;

public sealed class ServiceNowServiceDeskTests
{
    private const string PatchRoute = "PATCH /api/now/table/change_request/{sys_id}";
    private const string InsertRoute = "POST /api/now/table/change_request";

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task CreateChange_NewCorrelationId_WritesTheDraftToChangeRequest()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();

        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV"), Ct);

        Assert.Equal(new ChangeReference("servicenow", "CHG0030001", change.Id), change);
        var record = await ReadRecordAsync(host, change.Id!, "sysparm_display_value=all");
        Assert.Equal("normal", Value(record, "type"));
        Assert.Equal("-5", Value(record, "state"));
        Assert.Equal("PATCH-2025-03-DEV", Value(record, "correlation_id"));
        Assert.Equal("ChangeOrchestrator", Value(record, "correlation_display"));
        Assert.Equal("Monthly patching of the Dev patch group", Value(record, "short_description"));
        Assert.Equal("2", Value(record, "risk"));
        Assert.Equal("3", Value(record, "impact"));
        Assert.Equal("2025-03-01 22:00:00", Value(record, "start_date"));
        Assert.Equal("2025-03-01 23:30:00", Value(record, "end_date"));
        Assert.Equal("Server Operations", record["assignment_group"]!["display_value"]!.GetValue<string>());
        Assert.Equal("Patch in two waves of 50%.", Value(record, "implementation_plan"));
        Assert.Equal("Restore the pre-patch snapshots.", Value(record, "backout_plan"));
        Assert.Equal("Rescan and run the smoke tests.", Value(record, "test_plan"));
        var description = Value(record, "description");
        Assert.StartsWith("Security updates for the Dev fleet.", description);
        Assert.Contains("Targets (2):\n- i-0a1b2c3d4e5f60001\n- i-0a1b2c3d4e5f60002", description);
        Assert.Contains("Patches (2):\n- KB5034441", description);
        Assert.Contains("CVEs (2):\n- CVE-2024-21413\n- CVE-2024-0727", description);
    }

    [Fact]
    public async Task CreateChange_SameCorrelationIdTwice_CreatesOneChange()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var draft = ServiceDeskTestHost.Draft("PATCH-2025-03-DEV");

        var first = await host.ServiceNow.CreateChangeAsync(draft, Ct);
        var second = await host.ServiceNow.CreateChangeAsync(draft with { ShortDescription = "Re-run after a crash" }, Ct);

        Assert.Equal(first, second);
        var matches = await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest("api/now/table/change_request?sysparm_query=correlation_id=PATCH-2025-03-DEV&sysparm_fields=number"));
        Assert.Single(matches["result"]!.AsArray());
        Assert.Equal(1, await host.SnRequestCountAsync(InsertRoute));
    }

    [Theory]
    [InlineData("PATCH 42", 0)]
    [InlineData("PATCH-42^active=false", 0)]
    [InlineData("PATCH-42", -1)]
    public async Task CreateChange_InvalidDraft_ThrowsBeforeCallingServiceNow(string correlationId, int endMinusStartHours)
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var draft = ServiceDeskTestHost.Draft(correlationId);
        draft = draft with { PlannedEnd = endMinusStartHours == 0 ? draft.PlannedEnd : draft.PlannedStart.AddHours(endMinusStartHours) };

        await Assert.ThrowsAnyAsync<ArgumentException>(() => host.ServiceNow.CreateChangeAsync(draft, Ct));

        var requests = await ServiceDeskTestHost.JsonAsync(host.SnControl, new RestRequest("requests"));
        Assert.Equal(0, requests["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task FindByCorrelationId_KnownAndUnknown_ReturnsTheChangeOrNull()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var created = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        var found = await host.ServiceNow.FindByCorrelationIdAsync("PATCH-A", Ct);
        var missing = await host.ServiceNow.FindByCorrelationIdAsync("PATCH-B", Ct);

        Assert.Equal(created, found);
        Assert.Null(missing);
    }

    [Fact]
    public async Task GetChange_ByNumberOnly_ReadsTheSameChange()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var created = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        var status = await host.ServiceNow.GetChangeAsync(new ChangeReference("servicenow", created.Number), Ct);

        Assert.Equal(created, status.Reference);
        Assert.Equal(ChangeState.New, status.State);
        Assert.Equal("New", status.DeskState);
        Assert.Equal(ApprovalDecision.NotRequested, status.Approval.Decision);
        Assert.Equal("PATCH-A", status.CorrelationId);
        Assert.Equal("Monthly patching of the Dev patch group", status.Title);
        Assert.Null(status.Outcome);
    }

    [Fact]
    public async Task LifeCycle_ApprovedOnTheApprovalPage_EndsClosedSuccessful()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(simulatorTime: time);
        var desk = host.ServiceNow;
        var change = await desk.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV"), Ct);

        await desk.RequestApprovalAsync(change, Ct);
        var assessing = await desk.GetChangeAsync(change, Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await ServiceNowApprovalPage.DecideAsync(host, change.Number, "approve", "Peer review done"));
        var authorizing = await desk.GetChangeAsync(change, Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        var approvedAt = time.GetUtcNow();
        Assert.True(await ServiceNowApprovalPage.DecideAsync(host, change.Number, "approve", "CAB: go for Saturday"));
        var approved = await desk.GetChangeAsync(change, Ct);
        await desk.MoveToImplementAsync(change, Ct);
        var implementing = await desk.GetChangeAsync(change, Ct);
        await desk.AddWorkNoteAsync(change, "Wave 1 of 2 patched: 2 instances compliant", "wave-1", Ct);

        // The same note again, as a retry or a re-run after a crash would write it: found by its reference, not repeated.
        await desk.AddWorkNoteAsync(change, "Wave 1 of 2 patched: 2 instances compliant", "wave-1", Ct);
        await desk.MoveToReviewAsync(change, Ct);
        var review = await desk.GetChangeAsync(change, Ct);
        await desk.CloseAsync(change, ChangeOutcome.Successful, "All targets patched and compliant", Ct);
        var closed = await desk.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.Assessing, ApprovalDecision.Pending), (assessing.State, assessing.Approval.Decision));
        Assert.Equal((ChangeState.AwaitingApproval, ApprovalDecision.Pending), (authorizing.State, authorizing.Approval.Decision));
        Assert.Equal(ChangeState.Scheduled, approved.State);
        Assert.Equal(new ApprovalStatus(ApprovalDecision.Approved, "Abel Tuter", approvedAt, "CAB: go for Saturday"), approved.Approval);
        Assert.Equal(ChangeState.Implementing, implementing.State);
        Assert.Equal(ChangeState.Review, review.State);
        Assert.Equal((ChangeState.Closed, "Closed", ChangeOutcome.Successful), (closed.State, closed.DeskState, closed.Outcome));
        var record = await ReadRecordAsync(host, change.Id!);
        Assert.Equal("successful", Value(record, "close_code"));
        Assert.Equal("All targets patched and compliant", Value(record, "close_notes"));
        var notes = await ServiceDeskTestHost.JsonAsync(host.SnAdmin,
            new RestRequest($"api/now/table/sys_journal_field?sysparm_query=element_id={change.Id}^element=work_notes&sysparm_fields=value"));
        Assert.Equal("Wave 1 of 2 patched: 2 instances compliant\n\n[change-orchestrator ref wave-1]", Assert.Single(notes["result"]!.AsArray())!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task LifeCycle_RejectedThenCancelled_ShowsRejectionAndCancellation()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(simulatorTime: time);
        var desk = host.ServiceNow;
        var change = await desk.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV", ChangeType.Emergency), Ct);
        await desk.RequestApprovalAsync(change, Ct);
        time.Advance(TimeSpan.FromMinutes(3));
        var rejectedAt = time.GetUtcNow();

        await ServiceDeskTestHost.JsonAsync(host.SnControl,
            new RestRequest($"changes/{change.Number}/reject", Method.Post).AddJsonBody(new { comment = "Not during the freeze" }));
        var rejected = await desk.GetChangeAsync(change, Ct);
        await desk.CancelAsync(change, "Approval rejected: not during the freeze", Ct);
        var cancelled = await desk.GetChangeAsync(change, Ct);

        Assert.Equal(ChangeState.New, rejected.State);
        Assert.Equal(new ApprovalStatus(ApprovalDecision.Rejected, "Abel Tuter", rejectedAt, "Not during the freeze"), rejected.Approval);
        Assert.Equal((ChangeState.Cancelled, "Canceled"), (cancelled.State, cancelled.DeskState));
        Assert.Equal(ApprovalDecision.Rejected, cancelled.Approval.Decision);
    }

    [Fact]
    public async Task RequestApproval_StandardChange_IsScheduledAndApprovedAtOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("STD-1", ChangeType.Standard), Ct);

        await host.ServiceNow.RequestApprovalAsync(change, Ct);
        await host.ServiceNow.RequestApprovalAsync(change, Ct);
        var status = await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(ChangeState.Scheduled, status.State);
        Assert.Equal(ApprovalDecision.Approved, status.Approval.Decision);
        Assert.Equal(1, await host.SnRequestCountAsync(PatchRoute));
    }

    [Fact]
    public async Task Close_FromScheduledTwice_WalksThroughImplementAndReviewAndClosesOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("STD-1", ChangeType.Standard), Ct);
        await host.ServiceNow.RequestApprovalAsync(change, Ct);

        await host.ServiceNow.CloseAsync(change, ChangeOutcome.SuccessfulWithIssues, "One instance needed a second reboot", Ct);
        var patchesAfterFirst = await host.SnRequestCountAsync(PatchRoute);
        await host.ServiceNow.CloseAsync(change, ChangeOutcome.SuccessfulWithIssues, "One instance needed a second reboot", Ct);
        var status = await host.ServiceNow.GetChangeAsync(change, Ct);

        Assert.Equal(4, patchesAfterFirst);
        Assert.Equal(4, await host.SnRequestCountAsync(PatchRoute));
        Assert.Equal((ChangeState.Closed, ChangeOutcome.SuccessfulWithIssues), (status.State, status.Outcome));
    }

    [Fact]
    public async Task MoveToImplement_AlreadyImplementing_DoesNotWriteAgain()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("STD-1", ChangeType.Standard), Ct);
        await host.ServiceNow.RequestApprovalAsync(change, Ct);
        await host.ServiceNow.MoveToImplementAsync(change, Ct);

        await host.ServiceNow.MoveToImplementAsync(change, Ct);

        Assert.Equal(2, await host.SnRequestCountAsync(PatchRoute));
        Assert.Equal(ChangeState.Implementing, (await host.ServiceNow.GetChangeAsync(change, Ct)).State);
    }

    [Fact]
    public async Task MoveToImplement_BeforeApproval_ThrowsPermanentQuotingServiceNow()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.ServiceNow.RequestApprovalAsync(change, Ct);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.MoveToImplementAsync(change, Ct));

        Assert.False(error.IsTransient);
        Assert.Contains("403", error.Message);
        Assert.Contains("Operation Failed", error.Message);
        Assert.Contains("State transition from Assess to Implement is not allowed for a normal change", error.Message);
        Assert.Equal(2, await host.SnRequestCountAsync(PatchRoute));
    }

    [Fact]
    public async Task MoveToImplement_InstanceDropsIllegalMovesSilently_ThrowsPermanent()
    {
        await using var host = await ServiceDeskTestHost.StartAsync(new Dictionary<string, string?> { ["Simulators:ServiceNow:GuardFailureMode"] = "Ignore" });
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.MoveToImplementAsync(change, Ct));

        Assert.False(error.IsTransient);
        Assert.Equal("ServiceNow kept CHG0030001 in New instead of moving it to Implement", error.Message);
    }

    [Fact]
    public async Task Cancel_InReview_ThrowsPermanentQuotingServiceNow()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("STD-1", ChangeType.Standard), Ct);
        await host.ServiceNow.RequestApprovalAsync(change, Ct);
        await host.ServiceNow.MoveToReviewAsync(change, Ct);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.ServiceNow.CancelAsync(change, "Too late", Ct));

        Assert.False(error.IsTransient);
        Assert.Contains("A change in Review cannot be canceled", error.Message);
    }

    [Fact]
    public async Task AttachEvidence_SameFileTwice_AttachesItOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        var report = "{\"compliant\":2,\"missing\":0}"u8.ToArray();

        await host.ServiceNow.AttachEvidenceAsync(change, "compliance-after.json", EvidenceContent.FromBytes("application/json", report), Ct);
        await host.ServiceNow.AttachEvidenceAsync(change, "compliance-after.json", EvidenceContent.FromBytes("application/json", report), Ct);
        await host.ServiceNow.AttachEvidenceAsync(change, "patch-log.txt", EvidenceContent.FromBytes("text/plain", "ok"u8.ToArray()), Ct);

        var attachments = (await ServiceDeskTestHost.JsonAsync(host.SnAdmin,
            new RestRequest($"api/now/attachment?sysparm_query=table_sys_id={change.Id}&sysparm_fields=sys_id,file_name,content_type")))["result"]!.AsArray();
        Assert.Equal(["compliance-after.json", "patch-log.txt"], attachments.Select(a => a!["file_name"]!.GetValue<string>()).Order());
        var json = attachments.First(a => a!["file_name"]!.GetValue<string>() == "compliance-after.json")!;
        Assert.Equal("application/json", json["content_type"]!.GetValue<string>());
        var content = await host.SnAdmin.ExecuteAsync(new RestRequest($"api/now/attachment/{json["sys_id"]!.GetValue<string>()}/file"), Ct);
        Assert.Equal(report, content.RawBytes);
    }

    [Fact]
    public async Task AttachEvidence_StreamedFileOverTheHostDefaultBodyLimit_StoresEveryByte()
    {
        // Kestrel cuts request bodies at 30,000,000 bytes unless told otherwise; the instance takes files up to 1 GB.
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.ServiceNow.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-LARGE"), Ct);
        var evidence = new GeneratedEvidence(31_000_000);

        await host.ServiceNow.AttachEvidenceAsync(change, "change-evidence.json", new EvidenceContent("application/json", evidence.WriteAsync), Ct);

        var attachment = Assert.Single((await ServiceDeskTestHost.JsonAsync(host.SnAdmin,
            new RestRequest($"api/now/attachment?sysparm_query=table_sys_id={change.Id}&sysparm_fields=sys_id,size_bytes")))["result"]!.AsArray())!;
        var content = await host.SnAdmin.ExecuteAsync(new RestRequest($"api/now/attachment/{attachment["sys_id"]!.GetValue<string>()}/file"), Ct);
        Assert.Equal("31000000", attachment["size_bytes"]!.GetValue<string>());
        Assert.Equal(evidence.Hash(), SHA256.HashData(content.RawBytes!));
    }

    private static async Task<JsonNode> ReadRecordAsync(ServiceDeskTestHost host, string sysId, string query = "") =>
        (await ServiceDeskTestHost.JsonAsync(host.SnAdmin, new RestRequest($"api/now/table/change_request/{sysId}?{query}")))["result"]!;

    private static string Value(JsonNode record, string field) =>
        record[field] is JsonObject both ? both["value"]!.GetValue<string>() : record[field]!.GetValue<string>();
}
