namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// What the designer opens: the draft when there is one, else the latest published version, with the revision and
/// version a later save or publish must still find current.
/// </summary>
public sealed record DesignerSource(string Id, string Text, int? PublishedVersion, int DraftRevision, string? DraftSavedBy, DateTimeOffset? DraftSavedAt);
