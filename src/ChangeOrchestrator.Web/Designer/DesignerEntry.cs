namespace ChangeOrchestrator.Web.Designer;

/// <summary>A workflow in the designer's list: its latest published version and its draft, if any.</summary>
public sealed record DesignerEntry(string Id, string Name, int? PublishedVersion, DateTimeOffset? PublishedAt, int? DraftRevision, string? DraftSavedBy, DateTimeOffset? DraftSavedAt);
