namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// Lines to run on a set of servers. The idempotency token names this request for good: sending it again (after a
/// crash, a retry) finds the commands already sent, so it must be stable for the step that sends it and unique
/// across steps.
/// </summary>
public sealed record FleetCommandRequest
{
    public required IReadOnlyList<string> InstanceIds { get; init; }

    /// <summary>The lines, run in order; the last exit code is the result (0 = success).</summary>
    public required IReadOnlyList<string> Commands { get; init; }

    /// <summary>How long the lines may run on one server before the run there times out.</summary>
    public TimeSpan ExecutionTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How many servers run at once: a number ("10") or a share ("10%").</summary>
    public string MaxConcurrency { get; init; } = "100%";

    /// <summary>How many failures stop the rest: a number or a share; "100%" runs everywhere whatever happens.</summary>
    public string MaxErrors { get; init; } = "100%";

    /// <summary>1 to 64 characters of letters, digits and <c>._:-</c>.</summary>
    public required string IdempotencyToken { get; init; }
}
