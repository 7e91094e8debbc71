using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Loading;
using ChangeOrchestrator.Patching.Policies.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Connectors.Tests.Aws.Policies;

public sealed class AwsPatchPolicyTargetTests
{
    private static readonly string[] WriteOperations =
    [
        "SSM.CreatePatchBaseline", "SSM.UpdatePatchBaseline", "SSM.DeletePatchBaseline", "SSM.RegisterPatchBaselineForPatchGroup",
        "SSM.DeregisterPatchBaselineForPatchGroup", "SSM.CreateMaintenanceWindow", "SSM.UpdateMaintenanceWindow",
        "SSM.DeleteMaintenanceWindow", "SSM.AddTagsToResource", "SSM.RegisterTargetWithMaintenanceWindow", "SSM.UpdateMaintenanceWindowTarget",
        "SSM.DeregisterTargetFromMaintenanceWindow", "SSM.RegisterTaskWithMaintenanceWindow", "SSM.UpdateMaintenanceWindowTask",
        "SSM.DeregisterTaskFromMaintenanceWindow", "SSM.CreateDocument", "SSM.UpdateDocument", "SSM.UpdateDocumentDefaultVersion", "SSM.DeleteDocument",
    ];

    [Fact]
    public async Task ApplyAsync_ShippedPolicy_CreatesItAllAndASecondApplyMakesNoWriteCall()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var policy = await LoadAsync(PolicyFolder.Shipped());

        var plan = await service.PlanAsync(policy, allowDeletes: false, CancellationToken.None);
        var first = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var writesAfterFirst = await WritesAsync(host);
        var second = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var writesAfterSecond = await WritesAsync(host);
        var ssm = host.Ssm();
        var prodWindows = await ssm.GetPatchBaselineForPatchGroupAsync(new GetPatchBaselineForPatchGroupRequest { PatchGroup = "Prod", OperatingSystem = "WINDOWS" });
        var prodBaseline = await ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = prodWindows.BaselineId });
        var windows = await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest());

        // 5 baselines, 9 registrations, 3 windows with a target and a task each, and the Prod window's freeze calendar.
        Assert.Equal(5 + 9 + (3 * 3) + 1, plan.Writes.Count);
        Assert.True(first.Succeeded, string.Join("; ", first.Errors));
        Assert.Equal(plan.Writes.Count, first.Applied.Count);
        Assert.Empty(second.Plan.Changes);
        Assert.Empty(second.Applied);
        Assert.Equal(writesAfterFirst, writesAfterSecond);
        Assert.Equal("windows2022-prod", prodBaseline.Name);
        Assert.Equal(7, prodBaseline.ApprovalRules.PatchRules[0].ApproveAfterDays);
        Assert.Equal(["Prod"], prodBaseline.PatchGroups);
        Assert.Equal(["dev-weekly", "prod-weekly", "test-weekly"], windows.WindowIdentities.Select(w => w.Name).Order());
        Assert.Equal("Europe/London", windows.WindowIdentities.Single(w => w.Name == "prod-weekly").ScheduleTimezone);
    }

    [Fact]
    public async Task PlanAsync_BaselineEditedInSsm_ShowsDriftFieldByField()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var policy = await LoadAsync(PolicyFolder.Shipped());
        await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var id = (await ssm.GetPatchBaselineForPatchGroupAsync(new GetPatchBaselineForPatchGroupRequest { PatchGroup = "Prod", OperatingSystem = "WINDOWS" })).BaselineId;
        var current = await ssm.GetPatchBaselineAsync(new GetPatchBaselineRequest { BaselineId = id });
        current.ApprovalRules.PatchRules[0].ApproveAfterDays = 2;
        await ssm.UpdatePatchBaselineAsync(new UpdatePatchBaselineRequest
        {
            BaselineId = id, ApprovalRules = current.ApprovalRules, RejectedPatchesAction = "ALLOW_AS_DEPENDENCY", Description = "edited in the console",
        });

        var plan = await service.PlanAsync(policy, allowDeletes: false, CancellationToken.None);

        var drift = Assert.Single(plan.Drift);
        Assert.Equal((PlanAction.Update, "windows2022-prod", id), (drift.Action, drift.Name, drift.ResourceId));
        Assert.Equal(
            [
                new FieldChange("approvalRules.patchRules[0].approveAfterDays", "2", "7"),
                new FieldChange("description", "edited in the console", "Windows Server 2022, Prod - Patch Tuesday after a week in Test, preview updates never."),
                new FieldChange("rejectedPatchesAction", "ALLOW_AS_DEPENDENCY", "BLOCK"),
            ],
            drift.Fields);
        Assert.Contains("~ update baseline windows2022-prod", plan.Render(), StringComparison.Ordinal);
        Assert.Contains("[drift: changed in SSM outside the policy]", plan.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_PatchRejectedInPolicy_NextScanNoLongerReportsItMissing()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        using var folder = PolicyFolder.CopyOfShipped();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var ssm = host.Ssm();
        var nodes = (await host.NodesAsync()).Where(n => n is { PatchGroup: "Prod", Platform: "Windows", Managed: true, PingStatus: "Online" }).Select(n => n.InstanceId).ToList();
        var before = await ScanAsync(ssm, nodes);
        var (node, missing) = before.First(m => m.Value.Count > 1);
        var rejected = missing[0];

        folder.Edit("baselines.yaml", "    rejectedPatchesAction: BLOCK\n    availableSecurityUpdatesComplianceStatus: NON_COMPLIANT\n",
            $"    rejectedPatches: [{rejected}]\n    rejectedPatchesAction: BLOCK\n    availableSecurityUpdatesComplianceStatus: NON_COMPLIANT\n");
        var applied = await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var after = await ScanAsync(ssm, [node]);

        var update = Assert.Single(applied.Applied);
        Assert.Equal(new FieldChange("rejectedPatches", "[]", $"[{rejected}]"), Assert.Single(update.Fields));
        Assert.DoesNotContain(rejected, after[node]);
        Assert.Equal(missing.Skip(1), after[node]);
    }

    [Fact]
    public async Task ApplyAsync_ValueSsmRefuses_ErrorNamesThePolicyFileLineAndField()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        using var folder = PolicyFolder.CopyOfShipped();
        var values = string.Join(", ", Enumerable.Range(1, 21).Select(i => $"pkg{i}"));
        folder.Edit("baselines.yaml", "              - { key: CLASSIFICATION, values: [Bugfix] }\n          complianceLevel: MEDIUM\n          approveAfterDays: 14",
            $"              - {{ key: CLASSIFICATION, values: [Bugfix] }}\n              - {{ key: NAME, values: [{values}] }}\n          complianceLevel: MEDIUM\n          approveAfterDays: 14");
        var policy = await LoadAsync(folder.Path);
        var service = host.Connect().GetRequiredService<PatchPolicyService>();

        var result = await service.ApplyAsync(policy, allowDeletes: false, CancellationToken.None);

        var error = Assert.Single(result.Errors);
        Assert.Equal(Path.Combine(folder.Path, "baselines.yaml"), error.File);
        Assert.Equal(LineOf(folder, "baselines.yaml", "key: NAME"), error.Line);
        Assert.Equal("baselines[al2023-prod].approvalRules.patchRules[1].patchFilterGroup.patchFilters[NAME].values", error.Field);
        Assert.Contains("ValidationException", error.Message, StringComparison.Ordinal);
        Assert.Contains("create baseline al2023-prod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_UnmanagedNamesakeAndRemovedBaseline_LeavesTheFirstAloneAndDeletesTheSecondOnlyWhenAllowed()
    {
        await using var host = await AwsConnectorTestHost.StartAsync();
        var ssm = host.Ssm();
        var handMade = await ssm.CreatePatchBaselineAsync(new CreatePatchBaselineRequest { Name = "ubuntu2204-standard", OperatingSystem = "UBUNTU" });
        using var folder = PolicyFolder.CopyOfShipped();
        var service = host.Connect().GetRequiredService<PatchPolicyService>();
        var withConflict = await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        await ssm.DeletePatchBaselineAsync(new DeletePatchBaselineRequest { BaselineId = handMade.BaselineId });
        await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        folder.Edit("patch-groups.yaml", "      WINDOWS: windows2022-nonprod\n    changePolicy:\n      changeType: standard", "    changePolicy:\n      changeType: standard");

        var held = await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: false, CancellationToken.None);
        var removed = await service.ApplyAsync(await LoadAsync(folder.Path), allowDeletes: true, CancellationToken.None);
        var devWindows = await ssm.GetPatchBaselineForPatchGroupAsync(new GetPatchBaselineForPatchGroupRequest { PatchGroup = "Dev", OperatingSystem = "WINDOWS" });

        Assert.Contains(withConflict.Plan.Conflicts, c => c.Contains(handMade.BaselineId, StringComparison.Ordinal));
        Assert.DoesNotContain(withConflict.Applied, c => c.Name == "ubuntu2204-standard");
        var deregister = Assert.Single(held.Plan.Changes);
        Assert.True(deregister.HeldBack);
        Assert.Empty(held.Applied);
        Assert.Equal((PlanAction.Deregister, "Dev", "WINDOWS"), (Assert.Single(removed.Applied).Action, removed.Applied[0].Name, removed.Applied[0].OperatingSystem));
        Assert.StartsWith("arn:aws:ssm:", devWindows.BaselineId, StringComparison.Ordinal);
    }

    internal static async Task<PatchPolicy> LoadAsync(string folder)
    {
        var loaded = await PatchPolicyLoader.LoadDirectoryAsync(folder, CancellationToken.None);
        Assert.True(loaded.IsValid, string.Join("; ", loaded.Errors));
        return loaded.Policy!;
    }

    private static int LineOf(PolicyFolder folder, string file, string text) =>
        Array.FindIndex(File.ReadAllLines(Path.Combine(folder.Path, file)), line => line.Contains(text, StringComparison.Ordinal)) + 1;

    internal static async Task<long> WritesAsync(AwsConnectorTestHost host)
    {
        long total = 0;
        foreach (var operation in WriteOperations)
        {
            total += (await host.CounterAsync(operation)).Calls;
        }

        return total;
    }

    /// <summary>Runs AWS-RunPatchBaseline Scan on the nodes and returns each node's missing patches (KB ids, in order).</summary>
    private static async Task<Dictionary<string, List<string>>> ScanAsync(IAmazonSimpleSystemsManagement ssm, IReadOnlyList<string> nodes)
    {
        var command = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunPatchBaseline",
            InstanceIds = [.. nodes],
            Parameters = new Dictionary<string, List<string>> { ["Operation"] = ["Scan"] },
        });
        await AwsConnectorTestHost.WaitForAsync(
            async () => (await ssm.ListCommandsAsync(new ListCommandsRequest { CommandId = command.Command.CommandId })).Commands[0].Status.Value,
            status => status is "Success" or "Failed" or "TimedOut" or "Cancelled");
        var missing = new Dictionary<string, List<string>>();
        foreach (var node in nodes)
        {
            var state = await AwsConnectorTestHost.WaitForAsync(
                () => ssm.DescribeInstancePatchStatesAsync(new DescribeInstancePatchStatesRequest { InstanceIds = [node] }),
                states => states.InstancePatchStates?.FirstOrDefault()?.OperationEndTime >= command.Command.RequestedDateTime);
            var patches = await ssm.DescribeInstancePatchesAsync(new DescribeInstancePatchesRequest
            {
                InstanceId = node, MaxResults = 100, Filters = [new PatchOrchestratorFilter { Key = "State", Values = ["Missing"] }],
            });
            missing[node] = [.. (patches.Patches ?? []).Select(p => p.KBId)];
        }

        return missing;
    }
}
