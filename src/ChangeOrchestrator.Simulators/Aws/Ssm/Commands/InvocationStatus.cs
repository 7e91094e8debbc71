namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>Run Command invocation statuses as sent on the wire.</summary>
internal static class InvocationStatus
{
    public const string Pending = "Pending";
    public const string InProgress = "InProgress";
    public const string Delayed = "Delayed";
    public const string Success = "Success";
    public const string Cancelled = "Cancelled";
    public const string TimedOut = "TimedOut";
    public const string Failed = "Failed";
    public const string Cancelling = "Cancelling";

    public static bool IsTerminal(string status) => status is Success or Cancelled or TimedOut or Failed;
}
