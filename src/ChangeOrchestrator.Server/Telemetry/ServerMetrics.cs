using System.Diagnostics.Metrics;

namespace ChangeOrchestrator.Server.Telemetry;

/// <summary>The server's own metrics, under <see cref="Name"/>: recoveries of stuck work, the webhook inbox, timer lag.</summary>
internal static class ServerMetrics
{
    public const string Name = "ChangeOrchestrator.Server";

    private static readonly Meter Meter = new(Name);

    public static Counter<long> Recoveries { get; } = Meter.CreateCounter<long>("co.reconciler.recoveries", description: "Stuck work freed by the reconciler, by kind.");

    private static long _inboxDepth;
    private static long _inboxOldestTicks;

    /// <summary>Webhook deliveries waiting to be processed, as the inbox worker last counted them.</summary>
    public static ObservableGauge<long> InboxDepth { get; } = Meter.CreateObservableGauge(
        "co.inbox.depth", () => Interlocked.Read(ref _inboxDepth), description: "Webhook deliveries waiting to be processed.");

    /// <summary>Age of the oldest waiting delivery at the last count.</summary>
    public static ObservableGauge<double> InboxOldestAge { get; } = Meter.CreateObservableGauge(
        "co.inbox.oldest_age", () => Interlocked.Read(ref _inboxOldestTicks) / (double)TimeSpan.TicksPerSecond, unit: "s", description: "Age of the oldest waiting webhook delivery.");

    public static void MeasureInbox(int depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _inboxDepth, depth);
        Interlocked.Exchange(ref _inboxOldestTicks, oldestAge.Ticks);
    }
}
