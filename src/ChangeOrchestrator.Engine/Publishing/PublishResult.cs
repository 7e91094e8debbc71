using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Persistence;

namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>The stored version after a publish (new, or the unchanged latest), or the errors that refused it.</summary>
public sealed record PublishResult(StoredDefinition? Stored, IReadOnlyList<DefinitionError> Errors, bool Changed);
