using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using static ChangeOrchestrator.IntegrationTests.Patching.Support.TestWorkflows;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class CloseChangeRequestTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly object Evidence = new
    {
        summary = new { targets = 2, patched = 2, failed = 0 },
        instances = new[]
        {
            new { instanceId = "i-0a1b2c3d4e5f60001", state = "success", installed = new[] { "KB5034441" } },
            new { instanceId = "i-0a1b2c3d4e5f60002", state = "success", installed = new[] { "KB5034441", "KB5049983" } },
        },
        cves = new[] { "CVE-2024-21413" },
    };

    [Fact]
    public async Task CloseChangeRequest_WithEvidenceTwice_AttachesJsonAndMarkdownOnceAndClosesSuccessful()
    {
        await using var harness = await PatchingHarness.StartAsync();
        var close = new { desk = "servicenow", number = Js("steps.raise.number"), outcome = "successful", closeNotes = "All targets patched and compliant", evidence = Evidence };
        await harness.PublishAsync(Chain("close", Raise("servicenow", "standard"), new TestStep("close", "CloseChangeRequest", close), new TestStep("again", "CloseChangeRequest", close)));

        var instance = await harness.StartAsync("close");

        var output = await harness.OutputAsync(instance.Id, "again");
        var record = await harness.Desks.ServiceNowChangeAsync("CHG0030001");
        var attachments = await harness.Desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(("closed", "successful"), (output["state"]!.GetValue<string>(), output["outcome"]!.GetValue<string>()));
        Assert.Equal(["change-evidence.json", "change-evidence.md"], output["evidenceFiles"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal(("3", "successful"), (DeskSimulators.Value(record, "state"), DeskSimulators.Value(record, "close_code")));
        Assert.Equal("All targets patched and compliant", DeskSimulators.Value(record, "close_notes"));
        Assert.Equal(["change-evidence.json", "change-evidence.md"], attachments.Keys.Order(StringComparer.Ordinal));
        Assert.True(JsonNode.DeepEquals(JsonSerializer.SerializeToNode(Evidence, Web), JsonNode.Parse(attachments["change-evidence.json"])));
        var report = attachments["change-evidence.md"];
        Assert.StartsWith("# Evidence for servicenow:CHG0030001", report, StringComparison.Ordinal);
        Assert.Contains("- **patched**: 2", report, StringComparison.Ordinal);
        Assert.Contains("| instanceId | state | installed |", report, StringComparison.Ordinal);
        Assert.Contains("| i-0a1b2c3d4e5f60002 | success | KB5034441, KB5049983 |", report, StringComparison.Ordinal);
        Assert.Contains("- CVE-2024-21413", report, StringComparison.Ordinal);
        Assert.Equal(2, await harness.Desks.ServiceNowRequestsAsync("POST /api/now/attachment/file"));
    }

    [Fact]
    public async Task CloseChangeRequest_JiraAfterApprovalEvent_ClosesUnsuccessfulWithTheNotes()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Chain("close",
            Raise("jira"),
            new TestStep("wait", "WaitForApproval", new { desk = "jira", number = Js("steps.raise.number") }),
            new TestStep("close", "CloseChangeRequest", new
            {
                desk = "jira",
                number = Js("steps.raise.number"),
                outcome = "unsuccessful",
                closeNotes = "Two instances failed to install KB5034441",
                evidence = Evidence,
                evidenceFormats = new[] { "markdown" },
            }, After: "Approved")));
        var instance = await harness.StartAsync("close");
        var key = (await harness.OutputAsync(instance.Id, "raise"))["number"]!.GetValue<string>();

        await harness.Desks.JiraDecideAsync(key, approve: true);
        await harness.RaiseAsync("approval", "jira:" + key, new JsonObject { ["decision"] = "approved", ["by"] = "Alex Approver" });

        var output = await harness.OutputAsync(instance.Id, "close");
        var fields = (await harness.Desks.JiraIssueAsync(key, "comment,attachment,status"))["fields"]!;
        Assert.Equal(InstanceStatus.Completed, (await harness.InstanceAsync(instance.Id)).Status);
        Assert.Equal(("closed", "unsuccessful"), (output["state"]!.GetValue<string>(), output["outcome"]!.GetValue<string>()));
        Assert.Equal(output["deskState"]!.GetValue<string>(), fields["status"]!["name"]!.GetValue<string>());
        Assert.Equal("change-evidence.md", Assert.Single(fields["attachment"]!.AsArray())!["filename"]!.GetValue<string>());
        Assert.Contains(fields["comment"]!["comments"]!.AsArray(),
            c => c!["body"]!.ToJsonString().Contains("Closed unsuccessful: Two instances failed to install KB5034441", StringComparison.Ordinal));
    }
}
