using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Persistence;

/// <summary>A published definition with the exact JSON it was published from and that JSON's hash.</summary>
public sealed record StoredDefinition(WorkflowDefinition Definition, string Json, string ContentHash, DateTimeOffset PublishedAt);
