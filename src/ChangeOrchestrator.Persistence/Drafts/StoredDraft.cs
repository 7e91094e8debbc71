namespace ChangeOrchestrator.Persistence.Drafts;

/// <summary>A saved draft of a workflow, as the designer left it.</summary>
public sealed record StoredDraft(string DefinitionId, string Json, int Revision, int? BaseVersion, string SavedBy, DateTimeOffset SavedAt);
