using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.ChangeRequests;

public sealed class RaiseChangeRequestTests
{
    private const string ServiceNowInsert = "POST /api/now/table/change_request";
    private const string JiraCreate = "POST /rest/api/3/issue";

    [Fact]
    public async Task RaiseChangeRequest_ServiceNow_RaisesTheChangeAndSubmitsItForAssessment()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow("servicenow"));

        var instance = await harness.StartAsync("raise");

        var output = await harness.OutputAsync(instance.Id, "step");
        var number = output["number"]!.GetValue<string>();
        var record = await harness.Desks.ServiceNowChangeAsync(number);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(("servicenow", "CHG0030001"), (output["desk"]!.GetValue<string>(), number));
        Assert.Equal(DeskSimulators.Value(record, "sys_id"), output["id"]!.GetValue<string>());
        Assert.Equal("servicenow:CHG0030001", output["key"]!.GetValue<string>());
        Assert.Equal(("assessing", "Assess"), (output["state"]!.GetValue<string>(), output["deskState"]!.GetValue<string>()));
        Assert.Equal(instance.Id, output["correlationId"]!.GetValue<string>());
        Assert.False(output["foundExisting"]!.GetValue<bool>());
        Assert.Equal(instance.Id, DeskSimulators.Value(record, "correlation_id"));
        Assert.Equal("-4", DeskSimulators.Value(record, "state"));
        Assert.Equal("normal", DeskSimulators.Value(record, "type"));
        Assert.Equal("Monthly patching of the Dev patch group", DeskSimulators.Value(record, "short_description"));
        Assert.Equal("2", DeskSimulators.Value(record, "risk"));
        Assert.Equal("3", DeskSimulators.Value(record, "impact"));
        Assert.Equal("2026-03-07 22:00:00", DeskSimulators.Value(record, "start_date"));
        Assert.Equal("2026-03-07 23:30:00", DeskSimulators.Value(record, "end_date"));
        Assert.Equal("Server Operations", DeskSimulators.Display(record, "assignment_group"));
        Assert.Equal("Patch in two waves of 50%.", DeskSimulators.Value(record, "implementation_plan"));
        Assert.Equal("Restore the pre-patch snapshots.", DeskSimulators.Value(record, "backout_plan"));
        Assert.Equal("Rescan and run the smoke tests.", DeskSimulators.Value(record, "test_plan"));
        var description = DeskSimulators.Value(record, "description");
        Assert.StartsWith("Security updates for the Dev fleet.", description, StringComparison.Ordinal);
        Assert.Contains("- i-0a1b2c3d4e5f60002", description, StringComparison.Ordinal);
        Assert.Contains("- KB5034441", description, StringComparison.Ordinal);
        Assert.Contains("- CVE-2024-0727", description, StringComparison.Ordinal);
        Assert.Equal(1, await harness.Desks.ServiceNowRequestsAsync(ServiceNowInsert));
    }

    [Fact]
    public async Task RaiseChangeRequest_Jira_RaisesTheChangeAndSubmitsItForApproval()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow("jira"));

        var instance = await harness.StartAsync("raise");

        var output = await harness.OutputAsync(instance.Id, "step");
        var key = output["number"]!.GetValue<string>();
        var fields = (await harness.Desks.JiraIssueAsync(key))["fields"]!;
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.StartsWith("ITOPS-", key, StringComparison.Ordinal);
        Assert.Equal("jira:" + key, output["key"]!.GetValue<string>());
        Assert.Equal("awaitingApproval", output["state"]!.GetValue<string>());
        Assert.Equal(output["deskState"]!.GetValue<string>(), fields["status"]!["name"]!.GetValue<string>());
        Assert.Equal("Monthly patching of the Dev patch group", fields["summary"]!.GetValue<string>());
        Assert.Contains("changeorchestrator-" + instance.Id, fields["labels"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Contains("\"text\":\"CVE-2024-21413\"", fields["description"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(1, await harness.Desks.JiraRequestsAsync(JiraCreate));
    }

    [Theory]
    [InlineData("servicenow", ServiceNowInsert)]
    [InlineData("jira", JiraCreate)]
    public async Task RaiseChangeRequest_NodeDiesBeforeTheCommit_RestartFindsTheChangeAndRaisesNoSecond(string desk, string createRoute)
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow(desk));
        var instanceId = Guid.NewGuid().ToString("N");
        harness.LoseNextCommit();

        await Assert.ThrowsAsync<IOException>(() => harness.StartAsync("raise", instanceId: instanceId));
        await harness.RestartAsync();
        var instance = await harness.StartAsync("raise", instanceId: instanceId);

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.True(output["foundExisting"]!.GetValue<bool>());
        Assert.Equal(instanceId, output["correlationId"]!.GetValue<string>());
        Assert.Equal(1, desk == "jira" ? await harness.Desks.JiraRequestsAsync(createRoute) : await harness.Desks.ServiceNowRequestsAsync(createRoute));
        Assert.Equal(1, desk == "jira"
            ? await harness.Desks.JiraIssueCountAsync($"project = ITOPS AND labels = \"changeorchestrator-{instanceId}\"")
            : await harness.Desks.ServiceNowChangeCountAsync(instanceId));
    }

    [Theory]
    [InlineData("standard", true, "scheduled")]
    [InlineData("normal", false, "new")]
    public async Task RaiseChangeRequest_TypeAndApprovalRequest_LeavesTheChangeInTheExpectedState(string changeType, bool requestApproval, string state)
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow("servicenow", changeType, requestApproval));

        var instance = await harness.StartAsync("raise");

        var output = await harness.OutputAsync(instance.Id, "step");
        Assert.Equal(state, output["state"]!.GetValue<string>());
        Assert.Equal(changeType, DeskSimulators.Value(await harness.Desks.ServiceNowChangeAsync(output["number"]!.GetValue<string>()), "type"));
    }

    [Fact]
    public async Task RaiseChangeRequest_UnknownDesk_FaultsNamingTheConfiguredDesks()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(Workflow("freshservice"));

        var instance = await harness.StartAsync("raise");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("freshservice", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Contains("jira, servicenow", instance.Incident.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Desks.ServiceNowRequestsAsync(ServiceNowInsert));
    }

    [Fact]
    public async Task RaiseChangeRequest_EndBeforeStart_FaultsPermanentlyWithoutCallingTheDesk()
    {
        await using var harness = await PatchingHarness.StartAsync();
        await harness.PublishAsync(TestWorkflows.OneStep("raise", "RaiseChangeRequest", new
        {
            desk = "servicenow",
            shortDescription = "Backwards",
            plannedStart = "2026-03-07T22:00:00Z",
            plannedEnd = "2026-03-07T21:00:00Z",
        }));

        var instance = await harness.StartAsync("raise");

        Assert.Equal(InstanceStatus.Faulted, instance.Status);
        Assert.Contains("planned end", instance.Incident!.Message, StringComparison.Ordinal);
        Assert.Equal(0, await harness.Desks.ServiceNowRequestsAsync("GET /api/now/table/change_request"));
    }

    internal static string Workflow(string desk, string changeType = "normal", bool requestApproval = true) =>
        TestWorkflows.OneStep("raise", "RaiseChangeRequest", new
        {
            desk,
            shortDescription = "Monthly patching of the Dev patch group",
            description = "Security updates for the Dev fleet.",
            targets = new[] { "i-0a1b2c3d4e5f60001", "i-0a1b2c3d4e5f60002" },
            patches = new[] { "KB5034441", "openssl-3.0.13-1" },
            cves = new[] { "CVE-2024-21413", "CVE-2024-0727" },
            plannedStart = "2026-03-07T22:00:00Z",
            plannedEnd = "2026-03-07T23:30:00Z",
            changeType,
            risk = "high",
            impact = "low",
            implementationPlan = "Patch in two waves of 50%.",
            backoutPlan = "Restore the pre-patch snapshots.",
            testPlan = "Rescan and run the smoke tests.",
            requestApproval,
        });
}
