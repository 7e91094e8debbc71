using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// The difference between two versions of a workflow as a graph: each activity added, removed, changed or unchanged,
/// the connections added and removed, and the workflow's other members (inputs, triggers, ...) that changed.
/// </summary>
public sealed record GraphDiff
{
    /// <summary>Every activity of either version, by id, in the newer version's order, then the removed ones.</summary>
    public required IReadOnlyDictionary<string, GraphChange> Activities { get; init; }

    public required IReadOnlyList<GraphConnectionChange> Connections { get; init; }

    /// <summary>Top-level members other than activities and connections whose value differs (<c>inputs</c>, <c>start</c>, ...).</summary>
    public required IReadOnlyList<string> Members { get; init; }

    /// <summary>
    /// The newer version with the removed activities and connections put back, to draw both at once: what was
    /// removed is shown where it was.
    /// </summary>
    public required JsonObject Merged { get; init; }

    public int Count(GraphChange change) => Activities.Values.Count(c => c == change);

    public bool IsEmpty => Activities.Values.All(c => c == GraphChange.Unchanged) && Connections.Count == 0 && Members.Count == 0;
}
