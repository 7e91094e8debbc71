namespace ChangeOrchestrator.Benchmarks.Compliance;

/// <summary>A clock the scenario sets: the store dates its rollups and retention by it, so a night can be any night.</summary>
internal sealed class BenchClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
