using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Web.Instances;

/// <summary>Everything the instance page shows, read at once.</summary>
public sealed record InstanceDetails
{
    public required WorkflowInstance Instance { get; init; }

    public WorkflowDefinition? Definition { get; init; }

    public required IReadOnlyList<StoredBookmark> Bookmarks { get; init; }

    /// <summary>The journal's newest entries (up to <see cref="InstanceDetailsReader.JournalLimit"/>), oldest first.</summary>
    public required IReadOnlyList<JournalEntry> Journal { get; init; }

    /// <summary>The journal has older entries than <see cref="Journal"/> holds.</summary>
    public bool JournalTruncated { get; init; }

    public required IReadOnlyDictionary<string, ActivityStatus> Statuses { get; init; }

    /// <summary>Connections the instance followed (from activity, outcome), as far back as the journal was read.</summary>
    public required IReadOnlySet<(string From, string Outcome)> TakenOutcomes { get; init; }
}
