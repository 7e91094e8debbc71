namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>Where an update moves a change on its way to being closed.</summary>
public enum ChangeMove
{
    Implement,
    Review,
}
