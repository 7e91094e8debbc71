using System.Diagnostics;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// One patch change over a thousand servers, in a canary wave and the rest: every server is snapshotted and
/// patched once, by a handful of commands, with API calls that grow with the pages and commands rather than with
/// a call per server per poll.
/// </summary>
public sealed class PatchChangeScaleTests(ITestOutputHelper output)
{
    private const int Servers = 1000;

    [Fact]
    public async Task PatchChange_AThousandServersInWaves_PatchesEachOnceWithAFewCommands()
    {
        await using var server = await PatchChangeServer.StartAsync(fleetSize: 2600, seed: 5);
        var targets = (await server.Aws.OnlineNodesAsync("&patchGroup=Prod")).Select(n => n.InstanceId).Take(Servers).ToList();
        Assert.Equal(Servers, targets.Count);
        var clock = Stopwatch.StartNew();

        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", targets, new()
        {
            ["canaryPercent"] = 10,
            ["maxConcurrency"] = "25%",
            ["maxErrors"] = "10%",
            ["failureThreshold"] = "5%",
        }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
        var done = await server.WaitForEndAsync(id);
        clock.Stop();

        var outputs = done["outputs"]!;
        var patched = Count(done["variables"]!["patchIds"]!);
        var aws = await server.Aws.CountersAsync();
        var desk = await server.Desks.ServiceNowRequestCountsAsync();
        var installs = (await server.Aws.CommandsAsync()).Where(c => c.DocumentName == "AWS-RunPatchBaseline").ToList();
        output.WriteLine($"servers targeted: {Servers}, needing patches: {patched}, wall time: {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine($"canary: {outputs["canary"]!["targetCount"]}, rest: {outputs["rest"]!["targetCount"]}, snapshots: {Count(outputs["snapshot"]!["snapshotIds"]!)}");
        output.WriteLine($"AWS calls: {aws.Values.Sum(c => c.Calls)} ({string.Join(", ", aws.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value.Calls}"))})");
        output.WriteLine($"ServiceNow calls: {desk.Values.Sum()} ({string.Join(", ", desk.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"))})");

        Assert.True(done["status"]!.GetValue<string>() == "Completed", $"{done["status"]}: {done["incident"]?.ToJsonString()} {string.Join(" > ", await server.PathAsync(id))}");
        Assert.Equal("successful", outputs["close"]!["outcome"]!.GetValue<string>());
        Assert.Equal(patched, outputs["canary"]!["succeededCount"]!.GetValue<int>() + outputs["rest"]!["succeededCount"]!.GetValue<int>());
        Assert.InRange(outputs["canary"]!["targetCount"]!.GetValue<int>(), 1, (patched / 10) + 1);

        // SendCommand takes at most 50 instance ids, so each wave is a few commands: never one per server.
        var commands = installs.Count(c => c.Parameters["Operation"].Contains("Install"));
        Assert.InRange(commands, 2, 2 + ((patched + 49) / 50));
        Assert.True(aws["SSM.SendCommand"].Calls < 100, $"SSM.SendCommand was called {aws["SSM.SendCommand"].Calls} times");
        Assert.True(desk.Values.Sum() < 100, $"ServiceNow was called {desk.Values.Sum()} times");
    }

    // A list of more servers than the engine keeps inline is stored apart; its reference carries the count.
    private static int Count(JsonNode list) => list is JsonArray items ? items.Count : list["length"]!.GetValue<int>();
}
