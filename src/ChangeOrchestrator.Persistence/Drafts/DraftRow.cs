namespace ChangeOrchestrator.Persistence.Drafts;

/// <summary>The designer's unpublished draft of a workflow: one per definition id, replaced at each save.</summary>
internal sealed class DraftRow
{
    public const int ActorLength = 200;

    public required string DefinitionId { get; init; }

    public required string Json { get; set; }

    /// <summary>Counts saves; a save names the revision it started from, so one made over a newer draft is refused.</summary>
    public required int Revision { get; set; }

    /// <summary>The published version the draft was started from (null for a workflow not published yet).</summary>
    public int? BaseVersion { get; set; }

    public required string SavedBy { get; set; }

    public required DateTimeOffset SavedAt { get; set; }
}
