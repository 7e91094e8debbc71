using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Server.Api;

/// <summary>A published definition version as the API lists it.</summary>
public sealed record DefinitionSummary(string Id, int Version, string Name, string? Description, string ContentHash, DateTimeOffset PublishedAt)
{
    public static DefinitionSummary From(StoredDefinition stored) => new(
        stored.Definition.Id, stored.Definition.Version, stored.Definition.Name, stored.Definition.Description, stored.ContentHash, stored.PublishedAt);
}
