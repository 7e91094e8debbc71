namespace ChangeOrchestrator.Simulators.Aws.Throttling;

/// <summary>One operation's token bucket in simulated time: <see cref="Burst"/> tokens refilled at <see cref="PerSecond"/>.</summary>
public sealed class SimulatedOperationRate
{
    public double PerSecond { get; set; }

    public int Burst { get; set; }
}
