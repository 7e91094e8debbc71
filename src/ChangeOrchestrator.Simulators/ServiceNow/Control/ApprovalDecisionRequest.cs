namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Optional body of <c>POST /_control/changes/{number}/approve|reject</c>: one approver only, and a comment.</summary>
internal sealed record ApprovalDecisionRequest(string? Approver = null, string? Comment = null);
