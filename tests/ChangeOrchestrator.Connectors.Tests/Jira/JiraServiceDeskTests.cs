using System.Security.Cryptography;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Tests.ServiceDesk;
using ChangeOrchestrator.Patching.ChangeRequests;
using Microsoft.Extensions.Time.Testing;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Tests.Jira;

public sealed class JiraServiceDeskTests
{
    private const string CreateRoute = "POST /rest/api/3/issue";
    private const string TransitionRoute = "POST /rest/api/3/issue/{issueIdOrKey}/transitions";

    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task CreateChange_NewCorrelationId_WritesTheDraftUnderTheDiscoveredFields()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();

        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV"), Ct);

        Assert.Equal("jira", change.Desk);
        Assert.StartsWith("ITOPS-", change.Number);
        var fields = (await ReadIssueAsync(host, change.Number))["fields"]!;
        Assert.Equal("Change", fields["issuetype"]!["name"]!.GetValue<string>());
        Assert.Equal("Monthly patching of the Dev patch group", fields["summary"]!.GetValue<string>());
        Assert.Equal("Normal", fields["customfield_10005"]!["value"]!.GetValue<string>());
        Assert.Equal("High", fields["customfield_10006"]!["value"]!.GetValue<string>());
        Assert.Equal("Minor / localized", fields["customfield_10004"]!["value"]!.GetValue<string>());
        Assert.Equal("2025-03-01T22:00:00.000+0000", fields["customfield_10008"]!.GetValue<string>());
        Assert.Equal("2025-03-01T23:30:00.000+0000", fields["customfield_10009"]!.GetValue<string>());
        Assert.Contains("\"text\":\"Patch in two waves of 50%.\"", fields["customfield_10011"]!.ToJsonString());
        Assert.Contains("\"text\":\"Restore the pre-patch snapshots.\"", fields["customfield_10012"]!.ToJsonString());
        Assert.Equal(["changeorchestrator-PATCH-2025-03-DEV"], fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        var description = fields["description"]!.ToJsonString();
        Assert.Contains("\"type\":\"doc\"", description);
        Assert.Contains("\"text\":\"Security updates for the Dev fleet.\"", description);
        Assert.Contains("\"type\":\"bulletList\"", description);
        Assert.Contains("\"text\":\"CVE-2024-21413\"", description);
        Assert.Contains("\"text\":\"i-0a1b2c3d4e5f60002\"", description);
        var property = await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest($"rest/api/3/issue/{change.Number}/properties/changeorchestrator"));
        Assert.Equal("PATCH-2025-03-DEV", property["value"]!["correlationId"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateChange_SameCorrelationIdTwice_CreatesOneIssue()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var draft = ServiceDeskTestHost.Draft("PATCH-2025-03-DEV");

        var first = await host.Jira.CreateChangeAsync(draft, Ct);
        var second = await host.Jira.CreateChangeAsync(draft with { ShortDescription = "Re-run after a crash" }, Ct);
        var found = await host.Jira.FindByCorrelationIdAsync("PATCH-2025-03-DEV", Ct);
        var other = await host.Jira.FindByCorrelationIdAsync("PATCH-2025-04-DEV", Ct);

        Assert.Equal(first, second);
        Assert.Equal(first, found);
        Assert.Null(other);
        Assert.Equal(1, await host.JiraRequestCountAsync(CreateRoute));
        var search = await ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest("rest/api/3/search/jql").AddQueryParameter("jql", "project = ITOPS"));
        Assert.Single(search["issues"]!.AsArray());
    }

    [Fact]
    public async Task LifeCycle_ApprovedOnTheApprovalPage_EndsCompleted()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(simulatorTime: time);
        var desk = host.Jira;
        var change = await desk.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV"), Ct);

        var created = await desk.GetChangeAsync(change, Ct);
        await desk.RequestApprovalAsync(change, Ct);
        var awaiting = await desk.GetChangeAsync(change, Ct);
        time.Advance(TimeSpan.FromMinutes(10));
        var approvedAt = time.GetUtcNow();
        await JiraApprovalPage.SubmitAsync(host, change.Number, "approve");
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

        Assert.Equal((ChangeState.New, "Planning", ApprovalDecision.NotRequested), (created.State, created.DeskState, created.Approval.Decision));
        Assert.Equal("PATCH-2025-03-DEV", created.CorrelationId);
        Assert.Equal((ChangeState.AwaitingApproval, ApprovalDecision.Pending), (awaiting.State, awaiting.Approval.Decision));
        Assert.Equal((ChangeState.Scheduled, "Awaiting implementation"), (approved.State, approved.DeskState));
        Assert.Equal(new ApprovalStatus(ApprovalDecision.Approved, "Alex Approver", approvedAt), approved.Approval);
        Assert.Equal(ChangeState.Implementing, implementing.State);
        Assert.Equal((ChangeState.Review, "Peer review"), (review.State, review.DeskState));
        Assert.Equal((ChangeState.Closed, "Completed", ChangeOutcome.Successful), (closed.State, closed.DeskState, closed.Outcome));
        var fields = (await ReadIssueAsync(host, change.Number, "comment,resolution"))["fields"]!;
        Assert.Equal("Done", fields["resolution"]!["name"]!.GetValue<string>());
        var comments = fields["comment"]!["comments"]!.AsArray().Select(c => c!["body"]!.ToJsonString()).ToList();
        Assert.Equal(2, comments.Count);
        Assert.Contains("\"text\":\"Wave 1 of 2 patched: 2 instances compliant\"", comments[0]);
        Assert.Contains("\"text\":\"Closed successful: All targets patched and compliant\"", comments[1]);
    }

    [Fact]
    public async Task LifeCycle_DeclinedThenCancelled_ShowsTheRejectionAndStaysDeclined()
    {
        var time = new FakeTimeProvider(FakeClock.Start);
        await using var host = await ServiceDeskTestHost.StartAsync(simulatorTime: time);
        var desk = host.Jira;
        var change = await desk.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-2025-03-DEV"), Ct);
        await desk.RequestApprovalAsync(change, Ct);
        time.Advance(TimeSpan.FromMinutes(2));
        var declinedAt = time.GetUtcNow();

        await ServiceDeskTestHost.JsonAsync(host.JiraControl, new RestRequest($"issues/{change.Number}/decline", Method.Post));
        var declined = await desk.GetChangeAsync(change, Ct);
        await desk.CancelAsync(change, "Approval declined", Ct);
        var cancelled = await desk.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.Cancelled, "Declined"), (declined.State, declined.DeskState));
        Assert.Equal(new ApprovalStatus(ApprovalDecision.Rejected, "Alex Approver", declinedAt), declined.Approval);
        Assert.Equal(declined, cancelled);
        Assert.Equal(1, await host.JiraRequestCountAsync(TransitionRoute));
    }

    [Fact]
    public async Task Cancel_Planning_MovesToCanceledWithTheReason()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        await host.Jira.CancelAsync(change, "Superseded by PATCH-B", Ct);
        await host.Jira.CancelAsync(change, "Superseded by PATCH-B", Ct);
        var status = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.Cancelled, "Canceled"), (status.State, status.DeskState));
        Assert.Equal(1, await host.JiraRequestCountAsync(TransitionRoute));
        var comments = (await ReadIssueAsync(host, change.Number, "comment"))["fields"]!["comment"]!["comments"]!.AsArray();
        Assert.Contains("\"text\":\"Canceled: Superseded by PATCH-B\"", Assert.Single(comments)!["body"]!.ToJsonString());
    }

    [Fact]
    public async Task Close_Twice_FromAwaitingImplementation_WalksToFailedAndClosesOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await ApprovedChangeAsync(host);

        await host.Jira.CloseAsync(change, ChangeOutcome.Unsuccessful, "Wave 1 failed; snapshots restored", Ct);
        var transitionsAfterFirst = await host.JiraRequestCountAsync(TransitionRoute);
        await host.Jira.CloseAsync(change, ChangeOutcome.Unsuccessful, "Wave 1 failed; snapshots restored", Ct);
        var status = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal(3, transitionsAfterFirst);
        Assert.Equal(3, await host.JiraRequestCountAsync(TransitionRoute));
        Assert.Equal((ChangeState.Closed, "Failed", ChangeOutcome.Unsuccessful), (status.State, status.DeskState, status.Outcome));
    }

    [Fact]
    public async Task Close_SuccessfulWithIssues_KeepsTheOutcomeThatTheStatusCannotTell()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await ApprovedChangeAsync(host);
        await host.Jira.MoveToImplementAsync(change, Ct);

        await host.Jira.CloseAsync(change, ChangeOutcome.SuccessfulWithIssues, "One instance needed a second reboot", Ct);
        var status = await host.Jira.GetChangeAsync(change, Ct);

        Assert.Equal((ChangeState.Closed, "Completed", ChangeOutcome.SuccessfulWithIssues), (status.State, status.DeskState, status.Outcome));
        Assert.Equal("PATCH-A", status.CorrelationId);
    }

    [Fact]
    public async Task MoveToImplement_AlreadyImplementing_DoesNotTransitionAgain()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await ApprovedChangeAsync(host);
        await host.Jira.MoveToImplementAsync(change, Ct);

        await host.Jira.MoveToImplementAsync(change, Ct);
        await host.Jira.RequestApprovalAsync(change, Ct);

        Assert.Equal(2, await host.JiraRequestCountAsync(TransitionRoute));
    }

    [Fact]
    public async Task MoveToImplement_BeforeApproval_ThrowsPermanentNamingWhatIsOffered()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);

        var error = await Assert.ThrowsAnyAsync<ServiceDeskException>(() => host.Jira.MoveToImplementAsync(change, Ct));

        Assert.False(error.IsTransient);
        Assert.Equal($"Jira offers no transition from 'Planning' to Implementing on {change.Number} (available: Request approval → Awaiting approval, Cancel → Canceled)", error.Message);
        Assert.Equal(0, await host.JiraRequestCountAsync(TransitionRoute));
    }

    [Fact]
    public async Task AttachEvidence_SameFileTwice_AttachesItOnce()
    {
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        var report = "{\"compliant\":2,\"missing\":0}"u8.ToArray();

        await host.Jira.AttachEvidenceAsync(change, "compliance-after.json", EvidenceContent.FromBytes("application/json", report), Ct);
        await host.Jira.AttachEvidenceAsync(change, "compliance-after.json", EvidenceContent.FromBytes("application/json", report), Ct);

        Assert.Equal(1, await host.JiraRequestCountAsync("POST /rest/api/3/issue/{issueIdOrKey}/attachments"));
        var attachment = Assert.Single((await ReadIssueAsync(host, change.Number, "attachment"))["fields"]!["attachment"]!.AsArray())!;
        Assert.Equal("compliance-after.json", attachment["filename"]!.GetValue<string>());
        Assert.Equal("application/json", attachment["mimeType"]!.GetValue<string>());
        var content = await host.JiraAgent.ExecuteAsync(new RestRequest($"rest/api/3/attachment/content/{attachment["id"]!.GetValue<string>()}"), Ct);
        Assert.Equal(report, content.RawBytes);
    }

    [Fact]
    public async Task AttachEvidence_StreamedFileOverTheHostDefaultBodyLimit_StoresEveryByte()
    {
        // Kestrel cuts request bodies at 30,000,000 bytes unless told otherwise; Jira Cloud takes files up to 1 GB.
        await using var host = await ServiceDeskTestHost.StartAsync();
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-LARGE"), Ct);
        var evidence = new GeneratedEvidence(31_000_000);

        await host.Jira.AttachEvidenceAsync(change, "change-evidence.md", new EvidenceContent("text/markdown", evidence.WriteAsync), Ct);

        var attachment = Assert.Single((await ReadIssueAsync(host, change.Number, "attachment"))["fields"]!["attachment"]!.AsArray())!;
        var content = await host.JiraAgent.ExecuteAsync(new RestRequest($"rest/api/3/attachment/content/{attachment["id"]!.GetValue<string>()}"), Ct);
        Assert.Equal(31_000_000, attachment["size"]!.GetValue<long>());
        Assert.Equal(evidence.Hash(), SHA256.HashData(content.RawBytes!));
    }

    private static async Task<ChangeReference> ApprovedChangeAsync(ServiceDeskTestHost host)
    {
        var change = await host.Jira.CreateChangeAsync(ServiceDeskTestHost.Draft("PATCH-A"), Ct);
        await host.Jira.RequestApprovalAsync(change, Ct);
        await ServiceDeskTestHost.JsonAsync(host.JiraControl, new RestRequest($"issues/{change.Number}/approve", Method.Post));
        return change;
    }

    private static Task<JsonNode> ReadIssueAsync(ServiceDeskTestHost host, string key, string fields = "*all") =>
        ServiceDeskTestHost.JsonAsync(host.JiraAgent, new RestRequest($"rest/api/3/issue/{key}").AddQueryParameter("fields", fields));
}
