namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>The approval of a change; who, when and why are filled in when the desk tells them.</summary>
public sealed record ApprovalStatus(ApprovalDecision Decision, string? DecidedBy = null, DateTimeOffset? DecidedAt = null, string? Comment = null)
{
    public static ApprovalStatus NotRequested { get; } = new(ApprovalDecision.NotRequested);

    public static ApprovalStatus Pending { get; } = new(ApprovalDecision.Pending);
}
