using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// The engine's metrics and traces, under the name <see cref="Name"/>: what an operator watches to know the engine is
/// healthy (instances started, completed and faulted; resumes; how long bursts take; leases lost).
/// </summary>
public static class RuntimeMetrics
{
    public const string Name = "ChangeOrchestrator.Engine";

    private static readonly Meter Meter = new(Name);

    public static ActivitySource Traces { get; } = new(Name);

    public static Counter<long> InstancesStarted { get; } = Meter.CreateCounter<long>("co.instances.started", description: "Workflow instances started.");

    public static Counter<long> InstancesCompleted { get; } = Meter.CreateCounter<long>("co.instances.completed", description: "Workflow instances that completed.");

    public static Counter<long> InstancesFaulted { get; } = Meter.CreateCounter<long>("co.instances.faulted", description: "Workflow instances that became incidents.");

    public static Counter<long> Resumes { get; } = Meter.CreateCounter<long>("co.resumes", description: "Bookmarks resumed, by trigger (stimulus, timer).");

    public static Histogram<double> BurstDuration { get; } = Meter.CreateHistogram<double>("co.burst.duration", unit: "s", description: "Time from the start of a burst to its commit.");

    public static Histogram<double> TimerLag { get; } = Meter.CreateHistogram<double>("co.timer.lag", unit: "s", description: "How late a due timer fired.");

    public static Counter<long> LeasesLost { get; } = Meter.CreateCounter<long>("co.leases.lost", description: "Bursts stopped because their instance lease was lost.");
}
