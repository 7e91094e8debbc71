using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>What one patch change over a simulated fleet cost and did.</summary>
internal sealed record FleetRunResult
{
    public required int Targets { get; init; }

    public required int FleetSize { get; init; }

    public required double TimeScale { get; init; }

    /// <summary>Server process CPU time from the start request until it went quiet after the close.</summary>
    public required double CpuSeconds { get; init; }

    /// <summary>
    /// Of that, the runtime's tiered compiler's background thread: hot methods recompiled optimised. The first
    /// compiles (tier 0) run on the threads that call the methods and are not in it.
    /// </summary>
    public double TieredCompilerCpuSeconds { get; init; }

    /// <summary>Whether the server ran a warm-up change first (see <see cref="FleetChange.WarmUpServers"/>).</summary>
    public bool WarmServer { get; init; }

    /// <summary>The server process's peak resident set over its whole life (start-up included), or since the warm-up on a warm server.</summary>
    public required double PeakWorkingSetMiB { get; init; }

    /// <summary>From the instance's creation to its finish, by the server's own timestamps.</summary>
    public required double WallSeconds { get; init; }

    /// <summary>From the start request to the client seeing the change closed on the desk.</summary>
    public required double ClientSeconds { get; init; }

    public required JsonObject Input { get; init; }

    /// <summary>The instance's step outputs: targets, scan, snapshots and waves, from which the minimum calls are derived.</summary>
    public required JsonObject Steps { get; init; }

    /// <summary>AWS calls by operation (e.g. SSM.SendCommand) that reached the simulator, retries included.</summary>
    public required IReadOnlyDictionary<string, long> AwsCalls { get; init; }

    /// <summary>Of those, the attempts the simulator throttled (over the account's rate, or injected).</summary>
    public IReadOnlyDictionary<string, long> AwsThrottled { get; init; } = new Dictionary<string, long>();

    /// <summary>The most calls of each operation the simulator had in flight at once.</summary>
    public IReadOnlyDictionary<string, long> AwsMaxConcurrent { get; init; } = new Dictionary<string, long>();

    /// <summary>ServiceNow requests by route, the benchmark's own reads left out.</summary>
    public required IReadOnlyDictionary<string, long> DeskCalls { get; init; }

    public DatabaseFootprint? Database { get; init; }

    /// <summary>Where the wall time went: each activity's span, from its journal entries.</summary>
    public IReadOnlyList<StepSpan> Spans { get; init; } = [];
}
