using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>A missing patch on a server judged against the policy's SLA for its severity.</summary>
public sealed record SlaFinding
{
    public required PatchFinding Finding { get; init; }

    public required SlaStatus Status { get; init; }

    /// <summary>Days since the SLA clock started.</summary>
    public required int AgeDays { get; init; }

    public int? SlaDays { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    /// <summary>Why it is excepted, who approved it and until when; null when no exception covers it.</summary>
    public string? ExceptionReason { get; init; }

    public string? ExceptionApprover { get; init; }

    public DateOnly? ExceptionExpires { get; init; }
}
