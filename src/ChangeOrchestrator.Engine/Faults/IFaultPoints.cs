namespace ChangeOrchestrator.Engine.Faults;

/// <summary>
/// Named points on the way from a stimulus to its commit where a fault drill can kill the process, fail or stall
/// (see <see cref="FaultPoint"/>). The engine reaches them on every pass; a server that configures no drill gets
/// <see cref="NoFaultPoints"/>, which does nothing.
/// </summary>
public interface IFaultPoints
{
    ValueTask ReachAsync(string point, CancellationToken cancellationToken);
}
