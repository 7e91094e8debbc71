namespace ChangeOrchestrator.Engine.Faults;

/// <summary>No fault drill: every point is passed at once.</summary>
public sealed class NoFaultPoints : IFaultPoints
{
    public ValueTask ReachAsync(string point, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
