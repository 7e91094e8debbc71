using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>Compares two versions of a workflow file as graphs, activity by activity (matched by id).</summary>
public static class DesignerGraphDiff
{
    // Where an activity sits on the canvas is layout, not behaviour: moving one is not a change of the workflow.
    private const string Position = "position";

    private static readonly string[] GraphMembers = ["activities", "connections", "$schema", "version"];

    public static GraphDiff Compare(JsonObject before, JsonObject after)
    {
        var old = ActivitiesOf(before);
        var now = ActivitiesOf(after);
        var activities = new Dictionary<string, GraphChange>(StringComparer.Ordinal);
        foreach (var (id, activity) in now)
        {
            activities[id] = !old.TryGetValue(id, out var earlier) ? GraphChange.Added
                : !JsonNode.DeepEquals(WithoutPosition(earlier), WithoutPosition(activity)) ? GraphChange.Changed
                : earlier[Position] is not null && activity[Position] is not null && !JsonNode.DeepEquals(earlier[Position], activity[Position]) ? GraphChange.Moved
                : GraphChange.Unchanged;
        }

        foreach (var id in old.Keys.Where(id => !now.ContainsKey(id)))
        {
            activities[id] = GraphChange.Removed;
        }

        var oldConnections = ConnectionsOf(before);
        var newConnections = ConnectionsOf(after);
        var connections = newConnections.Where(c => !oldConnections.Contains(c)).Select(c => new GraphConnectionChange(c.From, c.Outcome, c.To, GraphChange.Added))
            .Concat(oldConnections.Where(c => !newConnections.Contains(c)).Select(c => new GraphConnectionChange(c.From, c.Outcome, c.To, GraphChange.Removed)))
            .ToList();

        var members = before.Select(m => m.Key).Union(after.Select(m => m.Key), StringComparer.Ordinal)
            .Where(name => !GraphMembers.Contains(name) && !JsonNode.DeepEquals(before[name], after[name]))
            .ToList();

        return new GraphDiff { Activities = activities, Connections = connections, Members = members, Merged = Merge(after, old, activities, connections) };
    }

    private static JsonObject Merge(JsonObject after, Dictionary<string, JsonObject> old, Dictionary<string, GraphChange> activities, List<GraphConnectionChange> connections)
    {
        var merged = (JsonObject)after.DeepClone();
        if (merged["activities"] is not JsonArray mergedActivities)
        {
            merged["activities"] = mergedActivities = [];
        }

        if (merged["connections"] is not JsonArray mergedConnections)
        {
            merged["connections"] = mergedConnections = [];
        }

        foreach (var id in activities.Where(a => a.Value == GraphChange.Removed).Select(a => a.Key))
        {
            mergedActivities.Add(old[id].DeepClone());
        }

        foreach (var removed in connections.Where(c => c.Change == GraphChange.Removed))
        {
            mergedConnections.Add(new JsonObject { ["from"] = removed.From, ["outcome"] = removed.Outcome, ["to"] = removed.To });
        }

        return merged;
    }

    private static Dictionary<string, JsonObject> ActivitiesOf(JsonObject root)
    {
        var activities = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var activity in (root["activities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (DesignerDocument.Text(activity["id"]) is { } id)
            {
                activities.TryAdd(id, activity);
            }
        }

        return activities;
    }

    private static HashSet<(string From, string Outcome, string To)> ConnectionsOf(JsonObject root) =>
        (root["connections"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(c => (From: DesignerDocument.Text(c["from"]), Outcome: DesignerDocument.Text(c["outcome"]) ?? ConnectionDefinition.DefaultOutcome, To: DesignerDocument.Text(c["to"])))
            .Where(c => c.From is not null && c.To is not null)
            .Select(c => (c.From!, c.Outcome, c.To!))
            .ToHashSet();

    private static JsonObject WithoutPosition(JsonObject activity)
    {
        var copy = (JsonObject)activity.DeepClone();
        copy.Remove(Position);
        return copy;
    }
}
