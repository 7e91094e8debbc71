namespace ChangeOrchestrator.Engine.Execution;

public enum InstanceStatus
{
    Running,
    Suspended,
    Completed,
    Faulted,
    Cancelled,
}
