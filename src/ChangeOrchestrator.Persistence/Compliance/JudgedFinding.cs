namespace ChangeOrchestrator.Persistence.Compliance;

/// <summary>An open finding with its SLA due date and status as SQL computes them (see <see cref="SlaSql"/>).</summary>
internal sealed class JudgedFinding
{
    public required ComplianceFindingRow Row { get; init; }

    /// <summary>UTC ticks of the due date; <c>SlaListKey.NoDueDate</c> without an SLA.</summary>
    public long Due { get; init; }

    /// <summary>The <c>SlaStatus</c> as its number.</summary>
    public int Status { get; init; }
}
