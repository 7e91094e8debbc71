using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>A SendCommand request and the invocations it fans out to once its targets are resolved.</summary>
internal sealed class RunCommand
{
    public required string CommandId { get; init; }

    public required string DocumentName { get; init; }

    public required string DocumentVersion { get; init; }

    public required string Comment { get; init; }

    public required IReadOnlyDictionary<string, IReadOnlyList<string>> Parameters { get; init; }

    public required IReadOnlyList<string> RequestedInstanceIds { get; init; }

    public required IReadOnlyList<CommandTarget> Targets { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public required DateTimeOffset ExpiresAfter { get; init; }

    public required int TimeoutSeconds { get; init; }

    public required string MaxConcurrency { get; init; }

    public required string MaxErrors { get; init; }

    public required string OutputS3Region { get; init; }

    public string OutputS3BucketName { get; init; } = "";

    public string OutputS3KeyPrefix { get; init; } = "";

    public string ServiceRole { get; init; } = "";

    public JsonNode? NotificationConfig { get; init; }

    public JsonNode? CloudWatchOutputConfig { get; init; }

    public List<CommandInvocation> Invocations { get; } = [];

    /// <summary>Called once when every invocation is terminal (maintenance windows chain their tasks on it).</summary>
    public Action<DateTimeOffset>? Completed { get; set; }

    public bool CompletionReported { get; set; }

    public bool TargetsResolved { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>Nodes cancelled before the targets were resolved; their invocations start out Cancelled.</summary>
    public HashSet<string> EarlyCancellations { get; } = new(StringComparer.Ordinal);

    /// <summary>Errors went past MaxErrors: no further invocation is dispatched.</summary>
    public bool Stopped { get; set; }

    public int ConcurrencyLimit { get; set; }

    public int ErrorLimit { get; set; }

    public int NextToStart { get; set; }

    public int InFlight { get; set; }

    public int TargetCount => TargetsResolved ? Invocations.Count : Targets.Count > 0 ? 0 : RequestedInstanceIds.Count;

    // Kept as running counts: a command over tens of thousands of nodes must not rescan them at every end.
    public int CompletedCount { get; private set; }

    public int ErrorCount { get; private set; }

    public int DeliveryTimedOutCount { get; private set; }

    public int SuccessCount { get; private set; }

    public int UserCancelledCount { get; private set; }

    public bool ErrorsExceeded => ErrorCount + DeliveryTimedOutCount > ErrorLimit;

    public void CountEnded(CommandInvocation invocation)
    {
        CompletedCount++;
        ErrorCount += invocation.IsExecutionError ? 1 : 0;
        DeliveryTimedOutCount += invocation.IsDeliveryTimeout ? 1 : 0;
        SuccessCount += invocation.Status == InvocationStatus.Success ? 1 : 0;
        UserCancelledCount += invocation.Status == InvocationStatus.Cancelled && invocation.StatusDetails == InvocationStatus.Cancelled ? 1 : 0;
    }

    /// <summary>The command's Status and StatusDetails aggregated from its invocations.</summary>
    public (string Status, string Details) Summarize()
    {
        if (!TargetsResolved)
        {
            return CancelRequested ? (InvocationStatus.Cancelling, InvocationStatus.Cancelling) : (InvocationStatus.Pending, InvocationStatus.Pending);
        }

        if (Invocations.Count == 0)
        {
            return CancelRequested ? (InvocationStatus.Cancelled, InvocationStatus.Cancelled) : (InvocationStatus.Success, "NoInstancesInTag");
        }

        if (CompletedCount < Invocations.Count)
        {
            if (CancelRequested)
            {
                return (InvocationStatus.Cancelling, InvocationStatus.Cancelling);
            }

            return Invocations.TrueForAll(i => i.Status == InvocationStatus.Pending)
                ? (InvocationStatus.Pending, InvocationStatus.Pending)
                : (InvocationStatus.InProgress, InvocationStatus.InProgress);
        }

        if (UserCancelledCount > 0)
        {
            return (InvocationStatus.Cancelled, InvocationStatus.Cancelled);
        }

        if (ErrorsExceeded)
        {
            return ErrorCount >= DeliveryTimedOutCount ? (InvocationStatus.Failed, InvocationStatus.Failed) : (InvocationStatus.TimedOut, "DeliveryTimedOut");
        }

        return SuccessCount == Invocations.Count
            ? (InvocationStatus.Success, InvocationStatus.Success)
            : (InvocationStatus.Success, "Incomplete");
    }
}
