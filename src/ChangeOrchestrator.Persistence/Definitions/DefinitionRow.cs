namespace ChangeOrchestrator.Persistence.Definitions;

/// <summary>A published definition version: written once, never updated.</summary>
internal sealed class DefinitionRow
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Name { get; init; }

    /// <summary>The exact JSON the version was published from; the model is read from it again.</summary>
    public required string Json { get; init; }

    public required string ContentHash { get; init; }

    public required DateTimeOffset PublishedAt { get; init; }
}
