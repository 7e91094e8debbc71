using ChangeOrchestrator.Simulators.Aws.Configuration;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Aws;

/// <summary>
/// Owns the current world and the lock that serialises every request against it. Handlers run synchronously
/// under the lock after the timeline has caught up with the clock, so each request sees one consistent instant.
/// </summary>
internal sealed class AwsSimulation(SimulatorClock clock, IOptionsMonitor<AwsSimulatorOptions> options, AwsFaultInjector faults)
{
    private readonly Lock _gate = new();
    private AwsWorld? _world;

    /// <summary>Raised after <see cref="Reset"/>, outside the lock, once the new fleet is in place.</summary>
    public event Action? FleetReset;

    public T Execute<T>(Func<AwsWorld, T> action)
    {
        lock (_gate)
        {
            var world = _world ??= Create(null, null);
            world.AdvanceToNow();
            return action(world);
        }
    }

    /// <summary>Discards all state and generates a new fleet; null keeps the configured size or seed.</summary>
    public void Reset(int? size, int? seed)
    {
        lock (_gate)
        {
            _world = Create(size, seed);
        }

        FleetReset?.Invoke();
    }

    private AwsWorld Create(int? size, int? seed)
    {
        var current = options.CurrentValue;
        return new AwsWorld(current, clock, faults, size ?? current.FleetSize, seed ?? current.Seed);
    }
}
