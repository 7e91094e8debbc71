namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>A row of the approval page: one approver's pending decision on one change.</summary>
internal sealed record PendingApproval(
    string ApprovalSysId,
    string Number,
    string ShortDescription,
    string Type,
    string Stage,
    string Approver,
    string CorrelationId,
    string RequestedOn);
