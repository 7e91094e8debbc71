using ChangeOrchestrator.Patching.Compliance.Slas;

namespace ChangeOrchestrator.Patching.Compliance.Reports;

/// <summary>
/// One page of the SLA list: its findings judged, how many the whole list holds, the token of the next page (null on
/// the last), and the open findings of every status counted per severity.
/// </summary>
public sealed record SlaPage(IReadOnlyList<SlaFinding> Items, int Total, string? Next, IReadOnlyList<SlaCount> Counts)
{
    public int Count(SlaStatus status) => Counts.Where(c => c.Status == status).Sum(c => c.Count);
}
