using ChangeOrchestrator.Engine.Faults;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>Fails the first <paramref name="times"/> passes of one fault point, as a lost connection would.</summary>
internal sealed class FailingFaultPoints(string point, int times = 1) : IFaultPoints
{
    private int _passes;

    public ValueTask ReachAsync(string reached, CancellationToken cancellationToken) =>
        reached == point && Interlocked.Increment(ref _passes) <= times
            ? throw new IOException($"drill: the connection dropped at {point}")
            : ValueTask.CompletedTask;
}
