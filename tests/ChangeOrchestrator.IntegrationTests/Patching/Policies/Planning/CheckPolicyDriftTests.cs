using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Loading;
using ChangeOrchestrator.Patching.Policies.Planning;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Patching.Policies.Planning;

/// <summary>The scheduled drift check, <c>workflows/policy-drift.json</c>, against the simulated SSM.</summary>
public sealed class CheckPolicyDriftTests
{
    [Fact]
    public async Task PolicyDrift_WindowEditedInSsm_RecordsTheFieldsAndNotifies()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        var policy = await UsePolicyFilesAsync(harness);
        await harness.Services.GetRequiredService<PatchPolicyService>().ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        using var ssm = new AmazonSimpleSystemsManagementClient(new BasicAWSCredentials("test", "test"),
            new AmazonSimpleSystemsManagementConfig { ServiceURL = harness.Aws.ServiceUrl, AuthenticationRegion = AwsSimulator.Region });
        var window = (await ssm.DescribeMaintenanceWindowsAsync(new DescribeMaintenanceWindowsRequest())).WindowIdentities.Single(w => w.Name == "prod-weekly");
        await ssm.UpdateMaintenanceWindowAsync(new UpdateMaintenanceWindowRequest { WindowId = window.WindowId, Duration = 8 });
        await harness.PublishAsync(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "policy-drift.json")));

        var instance = await harness.StartAsync("policy-drift", new System.Text.Json.Nodes.JsonObject { ["notifyUrl"] = webhook.Url });

        var output = await harness.OutputAsync(instance.Id, "check");
        var journal = await harness.JournalAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Drifted", await harness.OutcomeAsync(instance.Id, "check"));
        Assert.Equal(1, output["driftCount"]!.GetValue<int>());
        Assert.Equal(0, output["pendingCount"]!.GetValue<int>());
        var fields = output["drift"]![0]!["fields"]!.AsArray();
        Assert.Equal(("duration", "8", "4"), (fields[0]!["field"]!.GetValue<string>(), fields[0]!["current"]!.GetValue<string>(), fields[0]!["desired"]!.GetValue<string>()));
        Assert.Contains(journal, e => e.Message?.Contains($"Drift: update maintenance window prod-weekly ({window.WindowId}): duration: 8 -> 4", StringComparison.Ordinal) == true);
        var message = System.Text.Json.Nodes.JsonNode.Parse(Assert.Single(webhook.Requests).Body)!;
        Assert.Equal("Patch policy drift", message["title"]!.GetValue<string>());
        Assert.Equal($"update maintenance window prod-weekly ({window.WindowId}): duration 8 -> 4", message["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task PolicyDrift_SsmAsApplied_IsCleanAndSendsNothing()
    {
        await using var harness = await PatchingHarness.StartAsync(fleetSize: 5);
        await using var webhook = await HttpTestEndpoint.StartAsync();
        var policy = await UsePolicyFilesAsync(harness);
        await harness.Services.GetRequiredService<PatchPolicyService>().ApplyAsync(policy, allowDeletes: false, CancellationToken.None);
        await harness.PublishAsync(await File.ReadAllTextAsync(PatchChangeServer.RepositoryFile("workflows", "policy-drift.json")));

        var instance = await harness.StartAsync("policy-drift", new System.Text.Json.Nodes.JsonObject { ["notifyUrl"] = webhook.Url });

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal("Clean", await harness.OutcomeAsync(instance.Id, "check"));
        Assert.Empty(webhook.Requests);
    }

    private static async Task<PatchPolicy> UsePolicyFilesAsync(PatchingHarness harness)
    {
        var folder = PatchChangeServer.RepositoryFile("policies");
        var loaded = await PatchPolicyLoader.LoadDirectoryAsync(folder, CancellationToken.None);
        harness.Services.GetRequiredService<PatchPolicyHolder>().Set(loaded.Policy!, folder);
        return loaded.Policy!;
    }
}
