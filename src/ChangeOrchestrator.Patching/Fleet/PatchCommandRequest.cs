using ChangeOrchestrator.Patching.Compliance;
namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A scan or install on a set of servers. The idempotency token names this request for good: sending it again
/// (after a crash, a retry) finds the commands already sent instead of patching twice, so it must be stable for
/// the step that sends it and unique across steps (e.g. workflow instance id plus step id).
/// </summary>
public sealed record PatchCommandRequest
{
    public required PatchOperation Operation { get; init; }

    public RebootOption Reboot { get; init; } = RebootOption.RebootIfNeeded;

    public required IReadOnlyList<string> InstanceIds { get; init; }

    /// <summary>How many servers run at once: a number ("10") or a share ("10%").</summary>
    public string MaxConcurrency { get; init; } = "10%";

    /// <summary>How many failures stop the rest: a number ("0") or a share ("5%").</summary>
    public string MaxErrors { get; init; } = "0";

    /// <summary>1 to 64 characters of letters, digits and <c>._:-</c>.</summary>
    public required string IdempotencyToken { get; init; }
}
