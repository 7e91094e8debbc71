namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>Who started a workflow instance, as the audit trail records it; null when nothing records it.</summary>
public interface IRunStarterLookup
{
    Task<string?> StartedByAsync(string instanceId, CancellationToken cancellationToken);
}
