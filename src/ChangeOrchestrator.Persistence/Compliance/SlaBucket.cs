namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>What an open finding's SLA status depends on (see <see cref="SlaSql.Bucket"/>).</summary>
internal sealed class SlaBucket
{
    public string? Severity { get; init; }

    public bool Excepted { get; init; }

    public long ClockStartTicks { get; init; }
}
