namespace ChangeOrchestrator.Engine.Instances;

public enum InstanceStatus
{
    Running,
    Suspended,
    Completed,
    Faulted,
    Cancelled,
}
