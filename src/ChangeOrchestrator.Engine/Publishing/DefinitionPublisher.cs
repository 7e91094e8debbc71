using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>
/// Publishes definition JSON as a new immutable version, but only when its content changed; an invalid definition
/// is refused with all its errors and the last good version stays current.
/// </summary>
public sealed class DefinitionPublisher(WorkflowDefinitionLoader loader, IWorkflowDefinitionStore store, TimeProvider time)
{
    public async Task<PublishResult> PublishAsync(string json, string source, CancellationToken cancellationToken)
    {
        var loaded = loader.Load(json, source);
        if (loaded.Definition is not { } definition)
        {
            return new PublishResult(null, loaded.Errors, Changed: false);
        }

        var hash = WorkflowDefinitionLoader.ContentHash(json);
        var latest = await store.FindAsync(definition.Id, null, cancellationToken);
        if (latest is not null && latest.ContentHash == hash)
        {
            return new PublishResult(latest, [], Changed: false);
        }

        var version = (latest?.Definition.Version ?? 0) + 1;
        var stored = new StoredDefinition(definition with { Version = version }, json, hash, time.GetUtcNow());
        await store.AddAsync(stored, cancellationToken);
        return new PublishResult(stored, [], Changed: true);
    }
}
