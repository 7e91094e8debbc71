using System.Diagnostics.Metrics;

namespace ChangeOrchestrator.Server.Telemetry;

/// <summary>The server's own metrics, under <see cref="Name"/>: recoveries of stuck work, the webhook inbox, timer lag.</summary>
internal static class ServerMetrics
{
    public const string Name = "ChangeOrchestrator.Server";

    private static readonly Meter Meter = new(Name);

    public static Counter<long> Recoveries { get; } = Meter.CreateCounter<long>("co.reconciler.recoveries", description: "Stuck work freed by the reconciler, by kind.");

    public static Meter Instance => Meter;
}
