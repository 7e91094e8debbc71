using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary><c>workflows/patch-change.json</c> on a server that loaded the repository's <c>policies/</c>.</summary>
public sealed class PatchChangePolicyTests
{
    private static readonly Dictionary<string, string> WithPolicies = new() { ["Policies:Folder"] = PatchChangeServer.RepositoryFile("policies") };

    [Fact]
    public async Task PatchChange_DevGroupOfThePolicyFiles_RaisesAPreApprovedStandardChangeAndPatches()
    {
        await using var server = await PatchChangeServer.StartAsync(settings: WithPolicies);
        var servers = await ServersWithMissingPatchesAsync(server, "Dev", 2);

        // No rollout input: the Dev group's policy sets it (0% canary: one wave, so no soak).
        var id = await server.StartChangeAsync(WithoutRolloutInputs(PatchChangeServer.ChangeInput("servicenow", "Dev", servers)));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var evidence = await EvidenceAsync(server, record, number);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("PreApproved", (await server.PathAsync(id)).Single(p => p.StartsWith("assess:", StringComparison.Ordinal))["assess:".Length..]);
        Assert.Equal(("standard", "low"), (outputs["assess"]!["changeType"]!.GetValue<string>(), outputs["assess"]!["risk"]!.GetValue<string>()));
        Assert.Contains(outputs["assess"]!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("the change policy of patch group Dev, patch-groups.yaml:", StringComparison.Ordinal));
        Assert.Equal("standard", DeskSimulators.Value(record, "type"));
        Assert.Equal(outputs["canary"]!["targetCount"]!.GetValue<int>(), outputs["agents"]!["onlineCount"]!.GetValue<int>());
        Assert.DoesNotContain(await server.PathAsync(id), p => p.StartsWith("approval:", StringComparison.Ordinal) || p.StartsWith("soak:", StringComparison.Ordinal));
        Assert.Equal((0, "PT10M", "50%", "25%", "25%", "exclude"), Rollout(evidence["rollout"]!));
        Assert.Empty(evidence["policyOverrides"]!.AsArray());
        Assert.Contains("all the servers in one wave; MaxConcurrency 50%, MaxErrors 25%", DeskSimulators.Value(record, "implementation_plan"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchChange_RolloutInputsOverrideTheGroupPolicy_UsesThemAndNamesEachOverrideInTheEvidence()
    {
        await using var server = await PatchChangeServer.StartAsync(settings: WithPolicies);
        var servers = await ServersWithMissingPatchesAsync(server, "Dev", 2);

        // The Dev policy patches in one wave at 50%; this run asks for a canary of half the servers, one at a time.
        var input = WithoutRolloutInputs(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        input["canaryPercent"] = 50;
        input["soak"] = "PT0.3S";
        input["maxConcurrency"] = "1";
        var id = await server.StartChangeAsync(input);
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var number = outputs["raise"]!["number"]!.GetValue<string>();
        var record = await server.Desks.ServiceNowChangeAsync(number);
        var evidence = await EvidenceAsync(server, record, number);
        var starter = await StarterAsync(server, id);
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal((1, 1), (outputs["canary"]!["targetCount"]!.GetValue<int>(), outputs["rest"]!["targetCount"]!.GetValue<int>()));
        Assert.Contains(await server.PathAsync(id), p => p.StartsWith("soak:", StringComparison.Ordinal));
        Assert.Equal((50, "PT0.3S", "1", "25%", "25%", "exclude"), Rollout(evidence["rollout"]!));
        var overrides = evidence["policyOverrides"]!.AsArray().Select(o => (
            o!["field"]!.GetValue<string>(), o["policyValue"]!.GetValue<string>(), o["value"]!.GetValue<string>(), o["startedBy"]!.GetValue<string>())).ToList();
        Assert.Equal([("canaryPercent", "0", "50", starter), ("soak", "PT10M", "PT0.3S", starter), ("maxConcurrency", "50%", "1", starter)], overrides);
        Assert.Contains("Overridden for this run: canaryPercent 50 (policy 0), soak PT0.3S (policy PT10M), maxConcurrency 1 (policy 50%)",
            DeskSimulators.Value(record, "implementation_plan"), StringComparison.Ordinal);
        Assert.Contains(outputs["assess"]!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains($"started by {starter}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PatchChange_ProdGroupOfThePolicyFiles_RaisesANormalChangeThatWaitsForTheCab()
    {
        await using var server = await PatchChangeServer.StartAsync(settings: WithPolicies);
        var servers = await ServersWithMissingPatchesAsync(server, "Prod", 3);

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", servers));
        var waiting = await server.WaitForActivityAsync(id, "approval");

        var assess = waiting["outputs"]!["assess"]!;
        var record = await server.Desks.ServiceNowChangeAsync(waiting["outputs"]!["raise"]!["number"]!.GetValue<string>());
        Assert.Equal(("normal", "high", true), (assess["changeType"]!.GetValue<string>(), assess["risk"]!.GetValue<string>(), assess["requiresApproval"]!.GetValue<bool>()));
        Assert.Contains(assess["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("the change policy of patch group Prod, patch-groups.yaml:", StringComparison.Ordinal));
        Assert.Equal("abort", assess["rollout"]!["offlinePolicy"]!.GetValue<string>());
        Assert.Equal(("normal", "2"), (DeskSimulators.Value(record, "type"), DeskSimulators.Value(record, "risk")));
    }

    /// <summary>The test inputs without the rollout settings, so the patch group's policy decides them.</summary>
    private static JsonObject WithoutRolloutInputs(JsonObject input)
    {
        foreach (var name in new[] { "canaryPercent", "soak", "maxConcurrency", "maxErrors", "failureThreshold", "offlinePolicy" })
        {
            input.Remove(name);
        }

        return input;
    }

    private static (int, string, string, string, string, string) Rollout(JsonNode rollout) => (
        rollout["canaryPercent"]!.GetValue<int>(), rollout["soak"]!.GetValue<string>(), rollout["maxConcurrency"]!.GetValue<string>(),
        rollout["maxErrors"]!.GetValue<string>(), rollout["failureThreshold"]!.GetValue<string>(), rollout["offlinePolicy"]!.GetValue<string>());

    private static async Task<JsonNode> EvidenceAsync(PatchChangeServer server, JsonNode record, string number)
    {
        var attachments = await server.Desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
        return JsonNode.Parse(attachments[$"patch-evidence-{number}.json"])!;
    }

    /// <summary>Who the audit trail says started the run.</summary>
    private static async Task<string> StarterAsync(PatchChangeServer server, string instanceId)
    {
        var audit = JsonNode.Parse(await server.Client.GetStringAsync($"/api/audit?action=instance.start&object=instance:{instanceId}"))!;
        return audit["items"]![0]!["actor"]!.GetValue<string>();
    }

    private static async Task<List<string>> ServersWithMissingPatchesAsync(PatchChangeServer server, string patchGroup, int count)
    {
        var chosen = new List<string>();
        foreach (var candidate in (await server.Aws.OnlineNodesAsync("&patchGroup=" + patchGroup)).Where(n => !n.Hybrid && n.Platform == "Linux" && n.VolumeIds.Count > 0))
        {
            if (chosen.Count < count && (await server.Aws.MissingPatchesAsync(candidate.InstanceId)).Count > 0)
            {
                chosen.Add(candidate.InstanceId);
            }
        }

        Assert.Equal(count, chosen.Count);
        return chosen;
    }
}
