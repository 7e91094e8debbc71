namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>
/// A start ran on the version of its definition this node knew as the latest, and a newer one was published (by
/// another node) before it committed: nothing was stored, and the start runs again on the newer version.
/// </summary>
public sealed class StaleDefinitionException(string definitionId, int version)
    : Exception($"Workflow '{definitionId}' has a version newer than {version}.")
{
    public string DefinitionId { get; } = definitionId;

    public int Version { get; } = version;
}
