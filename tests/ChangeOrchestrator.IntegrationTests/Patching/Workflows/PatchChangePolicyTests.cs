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

        // The input's canary share (25%) gives way to the Dev group's (0%: one wave, so no soak).
        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Dev", servers));
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        var record = await server.Desks.ServiceNowChangeAsync(outputs["raise"]!["number"]!.GetValue<string>());
        Assert.Equal("Completed", done["status"]!.GetValue<string>());
        Assert.Equal("PreApproved", (await server.PathAsync(id)).Single(p => p.StartsWith("assess:", StringComparison.Ordinal))["assess:".Length..]);
        Assert.Equal(("standard", "low"), (outputs["assess"]!["changeType"]!.GetValue<string>(), outputs["assess"]!["risk"]!.GetValue<string>()));
        Assert.Contains(outputs["assess"]!["reasons"]!.AsArray(), r => r!.GetValue<string>().Contains("the change policy of patch group Dev, patch-groups.yaml:", StringComparison.Ordinal));
        Assert.Equal("standard", DeskSimulators.Value(record, "type"));
        Assert.Equal(outputs["canary"]!["targetCount"]!.GetValue<int>(), outputs["agents"]!["onlineCount"]!.GetValue<int>());
        Assert.DoesNotContain(await server.PathAsync(id), p => p.StartsWith("approval:", StringComparison.Ordinal) || p.StartsWith("soak:", StringComparison.Ordinal));
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
