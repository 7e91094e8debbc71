namespace ChangeOrchestrator.Server.Faults;

/// <summary>The system clock shifted by a fixed offset: a node whose clock is wrong (a fault drill).</summary>
internal sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
