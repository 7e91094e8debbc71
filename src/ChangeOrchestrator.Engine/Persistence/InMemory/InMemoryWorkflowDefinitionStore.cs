namespace ChangeOrchestrator.Engine.Persistence.InMemory;

/// <summary>Definition versions in memory: for tests and for validating files without a database.</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Dictionary<string, SortedList<int, StoredDefinition>> _byId = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<StoredDefinition?> FindAsync(string definitionId, int? version, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(definitionId, out var versions) || versions.Count == 0)
            {
                return Task.FromResult<StoredDefinition?>(null);
            }

            return Task.FromResult(version is { } v ? versions.GetValueOrDefault(v) : versions.Values[^1]);
        }
    }

    public Task AddAsync(StoredDefinition definition, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (!_byId.TryGetValue(definition.Definition.Id, out var versions))
            {
                _byId[definition.Definition.Id] = versions = [];
            }

            if (!versions.TryAdd(definition.Definition.Version, definition))
            {
                throw new InvalidOperationException($"Definition '{definition.Definition.Id}' version {definition.Definition.Version} exists already and cannot change.");
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoredDefinition>> ListLatestAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            IReadOnlyList<StoredDefinition> latest = _byId.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value.Values[^1]).ToList();
            return Task.FromResult(latest);
        }
    }
}
