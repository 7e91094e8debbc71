using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>How many servers, commands' worth of servers and volumes each stage of the change handled, read from its step outputs.</summary>
internal sealed record StepCounts
{
    /// <summary>Whether the input named its servers by id; otherwise the targets were chosen by patch group and tags.</summary>
    public required bool ByIds { get; init; }

    /// <summary>Servers named in the input (all Prod), or when chosen by group, the servers the group resolved to.</summary>
    public required int Listed { get; init; }

    public required int ListedEc2 { get; init; }

    public required int ListedHybrid { get; init; }

    /// <summary>Servers the targets resolved to (unmanaged and stopped ones excluded by the service views).</summary>
    public required int Resolved { get; init; }

    /// <summary>Servers with an online agent at the first check: the ones scanned.</summary>
    public required int Scanned { get; init; }

    /// <summary>Missing patches per server the scan reported on, in the order it reported them.</summary>
    public required IReadOnlyDictionary<string, int> Missing { get; init; }

    /// <summary>Servers checked again before patching (those that miss patches).</summary>
    public required int Checked { get; init; }

    public required IReadOnlyList<string> Online { get; init; }

    public required int SnapshotServers { get; init; }

    public required int Volumes { get; init; }

    public required int LargestVolumeGiB { get; init; }

    public required IReadOnlyList<string> Canary { get; init; }

    public required IReadOnlyList<string> Rest { get; init; }

    public static StepCounts From(JsonObject input, JsonObject steps)
    {
        var named = Strings(input["instanceIds"]);
        var listed = named.Count > 0 ? named : Strings(steps["targets"]?["instanceIds"]);
        var snapshots = steps["snapshot"]?["snapshots"]?.AsArray().Select(s => s!).ToList() ?? [];
        var agents = steps["agents"];
        return new StepCounts
        {
            ByIds = named.Count > 0,
            Listed = listed.Count,
            ListedEc2 = listed.Count(id => id.StartsWith("i-", StringComparison.Ordinal)),
            ListedHybrid = listed.Count(id => id.StartsWith("mi-", StringComparison.Ordinal)),
            Resolved = Strings(steps["targets"]?["instanceIds"]).Count,
            Scanned = Strings(steps["precheck"]?["onlineIds"]).Count,
            Missing = (steps["scan"]?["instances"]?.AsArray() ?? []).ToDictionary(
                i => i!["instanceId"]!.GetValue<string>(), i => i!["missingCount"]!.GetValue<int>(), StringComparer.Ordinal),
            Checked = Strings(agents?["onlineIds"]).Count + Strings(agents?["offlineIds"]).Count,
            Online = Strings(agents?["onlineIds"]),
            SnapshotServers = snapshots.Select(s => s["instanceId"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).Count(),
            Volumes = snapshots.Count,
            LargestVolumeGiB = snapshots.Select(s => s["sizeGiB"]?.GetValue<int>() ?? 0).DefaultIfEmpty(0).Max(),
            Canary = Ids(steps["canary"]?["instances"]),
            Rest = Ids(steps["rest"]?["instances"]),
        };
    }

    private static List<string> Strings(JsonNode? array) => [.. array?.AsArray().Select(n => n!.GetValue<string>()) ?? []];

    private static List<string> Ids(JsonNode? instances) => [.. instances?.AsArray().Select(n => n!["instanceId"]!.GetValue<string>()) ?? []];
}
