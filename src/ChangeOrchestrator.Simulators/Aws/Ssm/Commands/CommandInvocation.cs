using ChangeOrchestrator.Simulators.Aws.Fleet;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>A command on one node.</summary>
internal sealed class CommandInvocation(RunCommand command, FleetNode node, string pluginName)
{
    public RunCommand Command { get; } = command;

    public FleetNode Node { get; } = node;

    public string PluginName { get; } = pluginName;

    public string Status { get; private set; } = InvocationStatus.Pending;

    public string StatusDetails { get; private set; } = InvocationStatus.Pending;

    public int ResponseCode { get; private set; } = -1;

    public DateTimeOffset? StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string StandardOutput { get; private set; } = "";

    public string StandardError { get; private set; } = "";

    /// <summary>Bumped when the invocation is cancelled so that work scheduled before no longer applies.</summary>
    public int Generation { get; private set; }

    /// <summary>Counts against the command's MaxConcurrency while true.</summary>
    public bool HoldsSlot { get; set; }

    public bool IsTerminal => InvocationStatus.IsTerminal(Status);

    public bool IsCancelling => Status == InvocationStatus.Cancelling;

    public bool IsExecutionError => Status == InvocationStatus.Failed || StatusDetails == "ExecutionTimedOut";

    public bool IsDeliveryTimeout => StatusDetails == "DeliveryTimedOut";

    public void Delay() => (Status, StatusDetails) = (InvocationStatus.Delayed, InvocationStatus.Delayed);

    public void Begin(DateTimeOffset at)
    {
        (Status, StatusDetails) = (InvocationStatus.InProgress, InvocationStatus.InProgress);
        StartedAt = at;
    }

    public void RequestCancel()
    {
        Generation++;
        (Status, StatusDetails) = (InvocationStatus.Cancelling, InvocationStatus.Cancelling);
    }

    public void End(DateTimeOffset at, string status, string details, int responseCode, string output = "", string error = "")
    {
        (Status, StatusDetails, ResponseCode) = (status, details, responseCode);
        EndedAt = at;
        StandardOutput = output;
        StandardError = error;
        Command.CountEnded(this);
    }
}
