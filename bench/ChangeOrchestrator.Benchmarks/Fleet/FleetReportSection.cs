using System.Globalization;
using System.Text;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Simulators.Aws.Configuration;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>One fleet size's run with its derived minimum calls and fleet time: the figures and the detail for fleet.md.</summary>
internal sealed record FleetReportSection(
    FleetRunResult Run, StepCounts Counts, IReadOnlyList<OperationMinimum> Minimum, double FleetSeconds, string FleetDerivation, double ApiFloorSeconds, string ApiFloorDerivation)
{
    private const double CpuTargetSeconds = 30;
    private const double MemoryTargetMiB = 500;
    private const double LargeFleetMemoryTargetMiB = 600;
    private const double CallsTarget = 1.1;

    public string Label => new FleetSize(Run.Targets, Run.TimeScale).Label + (Run.WarmServer ? "-warm" : "");

    /// <summary>The least time an engine that wasted nothing could take: the fleet's own time and what the API rates add.</summary>
    public double LeastSeconds => FleetSeconds + ApiFloorSeconds;

    public long AwsCalls => Run.AwsCalls.Values.Sum();

    /// <summary>The minimum over every operation called: one not derived counts at what it cost.</summary>
    public long AwsMinimum => Minimum.Sum(m => m.Calls) + Run.AwsCalls.Where(c => Minimum.All(m => m.Operation != c.Key)).Sum(c => c.Value);

    /// <summary>
    /// The fewest ServiceNow requests per route: every write (create, update, attachment) is a step of the workflow and
    /// counts as made; a read needs to happen once. The approval is read every poll interval until the approver decides,
    /// so its reads grow with the approver's delay, not with the fleet.
    /// </summary>
    public IReadOnlyDictionary<string, long> DeskMinimum => Run.DeskCalls.ToDictionary(
        c => c.Key, c => c.Key.StartsWith("GET ", StringComparison.Ordinal) ? Math.Min(1, c.Value) : c.Value, StringComparer.Ordinal);

    public static FleetReportSection From(FleetRunResult run)
    {
        var counts = StepCounts.From(run.Input, run.Steps);
        var (seconds, derivation) = FleetTime.Derive(counts, run.TimeScale, FleetInput.Soak);
        var (floor, floorDerivation) = ApiRateFloor.Derive(counts, new AwsDurationOptions());
        return new FleetReportSection(run, counts, ApiCallMinimum.Derive(counts), seconds, derivation, floor.TotalSeconds / run.TimeScale, floorDerivation);
    }

    public IEnumerable<Figure> Figures()
    {
        var n = Label;
        yield return new Figure($"cpu.{n}", "s", Run.CpuSeconds);
        yield return new Figure($"cpu-per-server.{n}", "ms", Run.CpuSeconds * 1000 / Run.Targets);
        yield return new Figure($"cpu-tiered-compiler.{n}", "s", Run.TieredCompilerCpuSeconds);
        yield return new Figure($"peak-memory.{n}", "MiB", Run.PeakWorkingSetMiB);
        yield return new Figure($"aws-calls.{n}", "calls", AwsCalls);
        yield return new Figure($"aws-minimum.{n}", "calls", AwsMinimum);
        yield return new Figure($"ratio.aws-calls.{n}", "×", (double)AwsCalls / AwsMinimum);
        yield return new Figure($"desk-calls.{n}", "calls", Run.DeskCalls.Values.Sum());
        yield return new Figure($"desk-minimum.{n}", "calls", DeskMinimum.Values.Sum());
        yield return new Figure($"wall.{n}", "s", Run.WallSeconds);
        yield return new Figure($"fleet-time.{n}", "s", FleetSeconds);
        yield return new Figure($"ratio.wall/fleet-time.{n}", "×", Run.WallSeconds / FleetSeconds);
        yield return new Figure($"api-floor.{n}", "s", ApiFloorSeconds);
        yield return new Figure($"least-time.{n}", "s", LeastSeconds);
        yield return new Figure($"ratio.wall/least-time.{n}", "×", Run.WallSeconds / LeastSeconds);
        yield return new Figure($"servers.{n}.patched", "servers", Counts.Canary.Count + Counts.Rest.Count);
        if (Run.Database is { } db)
        {
            yield return new Figure($"instance-writes.{n}", "rows", db.InstanceWrites);
            yield return new Figure($"instance-row.{n}", "KiB", db.InstanceRowKiB);
            yield return new Figure($"journal-rows.{n}", "rows", db.JournalRows);
        }
        var targeted = !Run.WarmServer && Run.TimeScale.Equals(FleetSize.DefaultTimeScale);
        if (Run.Targets == 10_000 && targeted)
        {
            yield return new Figure($"headroom.cpu.{n}", "×", CpuTargetSeconds / Run.CpuSeconds);
            yield return new Figure($"headroom.peak-memory.{n}", "×", MemoryTargetMiB / (Run.PeakWorkingSetMiB * 1024 * 1024 / 1_000_000));
            yield return new Figure($"headroom.aws-calls.{n}", "×", CallsTarget * AwsMinimum / AwsCalls);
        }

        if (Run.Targets == 50_000 && targeted)
        {
            yield return new Figure($"headroom.peak-memory.{n}", "×", LargeFleetMemoryTargetMiB / (Run.PeakWorkingSetMiB * 1024 * 1024 / 1_000_000));
        }
    }

    public void Render(StringBuilder text)
    {
        var c = Counts;
        Line(text, $"## {Run.Targets:N0} servers{(Run.TimeScale.Equals(FleetSize.DefaultTimeScale) ? "" : $" at time scale {Run.TimeScale:0.##}")}{(Run.WarmServer ? $", on a warm server (after a change of {FleetChange.WarmUpServers} Test servers)" : "")}");
        Line(text);
        Line(text, $"Fleet of {Run.FleetSize:N0}; {c.Listed:N0} Prod servers {(c.ByIds ? "listed by id" : "chosen by patch group")} ({c.ListedEc2:N0} EC2, {c.ListedHybrid:N0} hybrid), {c.Resolved:N0} resolved, "
            + $"{c.Scanned:N0} online and scanned, {c.Missing.Count:N0} reported, {c.Checked:N0} missing patches, {c.Online.Count:N0} online before patching, "
            + $"{c.SnapshotServers:N0} snapshotted ({c.Volumes:N0} volumes), {c.Canary.Count:N0} patched in the canary wave and {c.Rest.Count:N0} after it.");
        Line(text);
        Line(text, $"- engine CPU {Run.CpuSeconds:F1} s ({Run.CpuSeconds * 1000 / Run.Targets:F2} ms per server; {Run.TieredCompilerCpuSeconds:F1} s of it the runtime's tiered compiler recompiling hot methods in the background), peak working set {Run.PeakWorkingSetMiB:F0} MiB");
        Line(text, $"- wall {Run.WallSeconds:F1} s against a fleet time of {FleetSeconds:F1} s = {FleetDerivation}: {Run.WallSeconds / FleetSeconds:F1}×");
        Line(text, $"- against the least time of {LeastSeconds:F1} s, the fleet time and what the API rates add ({ApiFloorSeconds:F1} s = ({ApiFloorDerivation}) simulated / time scale {Run.TimeScale:F0}): {Run.WallSeconds / LeastSeconds:F1}×");
        Line(text, $"- AWS calls {AwsCalls:N0} against a minimum of {AwsMinimum:N0}: {(double)AwsCalls / AwsMinimum:F2}×");
        Line(text);
        Line(text, "| AWS operation | calls | minimum | × | throttled | most at once | minimum derived as |");
        Line(text, "| --- | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var (operation, calls) in Run.AwsCalls.Where(c => c.Value > 0).OrderByDescending(c => c.Value))
        {
            var minimum = Minimum.FirstOrDefault(m => m.Operation == operation);
            var floor = minimum?.Calls ?? calls;
            var ratio = floor == 0 ? "–" : ((double)calls / floor).ToString("F2", CultureInfo.InvariantCulture);
            var throttled = Run.AwsThrottled.GetValueOrDefault(operation);
            var concurrent = Run.AwsMaxConcurrent.GetValueOrDefault(operation);
            Line(text, $"| {operation} | {calls:N0} | {floor:N0} | {ratio} | {throttled:N0} | {concurrent:N0} | {minimum?.Derivation ?? "not derived: counted at what it cost"} |");
        }

        foreach (var minimum in Minimum.Where(m => !Run.AwsCalls.ContainsKey(m.Operation) && m.Calls > 0))
        {
            Line(text, $"| {minimum.Operation} | 0 | {minimum.Calls:N0} | – | 0 | 0 | {minimum.Derivation} |");
        }

        Line(text);
        Line(text, "| ServiceNow route | requests | minimum |");
        Line(text, "| --- | ---: | ---: |");
        foreach (var (route, count) in Run.DeskCalls.OrderByDescending(c => c.Value))
        {
            Line(text, $"| {route} | {count:N0} | {DeskMinimum[route]:N0} |");
        }

        Line(text);
        Line(text, "ServiceNow minimum: every write (create, update, attachment) is a step of the workflow and counts as made; each read route is needed once. "
            + string.Create(CultureInfo.InvariantCulture, $"The approval is read every {FleetInput.ApprovalPollInterval.TotalSeconds} s until the approver decides, so those reads grow with the approver's delay, not with the fleet."));
        if (Run.Spans.Count > 0)
        {
            Line(text);
            Line(text, "Where the wall time went (each activity from its first journal entry to its last, seconds from the instance's start; activities under 0.1 s left out):");
            Line(text);
            Line(text, "| activity | from | to | seconds |");
            Line(text, "| --- | ---: | ---: | ---: |");
            foreach (var span in Run.Spans.Where(s => s.Seconds >= 0.1))
            {
                Line(text, string.Create(CultureInfo.InvariantCulture, $"| {span.ActivityId} | {span.StartSeconds:F1} | {span.EndSeconds:F1} | {span.Seconds:F1} |"));
            }
        }

        if (Run.Database is { } db)
        {
            Line(text);
            Line(text, $"Database: the instance row was written {db.InstanceWrites:N0} times and is {db.InstanceRowKiB:N0} KiB stored (compressed); "
                + $"{db.JournalRows:N0} journal rows; {db.DatabaseMiB:N0} MiB in all.");
        }

        Line(text);
    }

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}
