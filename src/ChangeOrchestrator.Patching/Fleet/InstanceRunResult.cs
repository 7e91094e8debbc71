using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>How a scan or install went on one server.</summary>
public sealed record InstanceRunResult
{
    public required string InstanceId { get; init; }

    [Description("success, failed, timedOut, cancelled...")]
    public required CommandState State { get; init; }

    [Description("Finer reason, e.g. DeliveryTimedOut, ExecutionTimedOut, Terminated.")]
    public string? StateDetails { get; init; }

    [Description("Exit code of the patch step; -1 until it ran.")]
    public int? ResponseCode { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    [Description("The start of the step's output, for servers that did not succeed.")]
    public string? Output { get; init; }

    public static InstanceRunResult From(InstanceCommandResult result) => new()
    {
        InstanceId = result.InstanceId,
        State = result.State,
        StateDetails = result.StateDetails,
        ResponseCode = result.ResponseCode,
        StartedAt = result.StartedAt,
        EndedAt = result.EndedAt,
        Output = result.Output,
    };
}
