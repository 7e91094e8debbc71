using ChangeOrchestrator.Server.Compliance.Rows;

namespace ChangeOrchestrator.Server.Compliance;

/// <summary>
/// One page of <c>GET /api/compliance/sla</c>: its rows, how many the whole list holds, the <c>after</c> token of the
/// next page (null on the last), and the open findings of every status counted per severity.
/// </summary>
internal sealed record SlaPageResponse(IReadOnlyList<SlaRow> Items, int Total, string? Next, IReadOnlyList<SlaCountRow> Counts);
