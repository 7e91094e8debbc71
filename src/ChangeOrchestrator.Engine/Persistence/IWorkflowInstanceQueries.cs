namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>Read-side queries over instances for the API and the UI; always paged so nothing grows with history.</summary>
public interface IWorkflowInstanceQueries
{
    Task<InstancePage> ListAsync(InstanceQuery query, CancellationToken cancellationToken);
}
