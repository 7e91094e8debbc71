using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Shared;

/// <summary>
/// The simulators' sense of time. Durations are configured in simulated time (what the real service would take)
/// and shrunk by <see cref="SimulatorClockOptions.TimeScale"/>; states that progress over time are derived from
/// elapsed time when read, so no background timer is needed and a FakeTimeProvider drives them exactly.
/// </summary>
public sealed class SimulatorClock(TimeProvider time, IOptionsMonitor<SimulatorClockOptions> options)
{
    public DateTimeOffset UtcNow => time.GetUtcNow();

    public TimeProvider TimeProvider => time;

    /// <summary>The real time that a simulated duration takes.</summary>
    public TimeSpan ToReal(TimeSpan simulated) => simulated / options.CurrentValue.TimeScale;

    /// <summary>Whether a simulated duration has passed since a real instant.</summary>
    public bool HasElapsed(DateTimeOffset since, TimeSpan simulated) => UtcNow - since >= ToReal(simulated);

    /// <summary>The simulated time that has passed since a real instant.</summary>
    public TimeSpan SimulatedSince(DateTimeOffset since) => (UtcNow - since) * options.CurrentValue.TimeScale;
}
