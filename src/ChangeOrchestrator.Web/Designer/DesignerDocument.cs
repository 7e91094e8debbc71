using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Definitions.Files;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// A workflow file open in the designer. It is kept as the file's JSON, not as the engine's model, so that what the
/// designer does not touch (member order, comments-free formatting of untouched lines, fields it has no editor for)
/// is written back exactly as it was read.
/// </summary>
public sealed class DesignerDocument
{
    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private DesignerDocument(JsonObject root, string? originalText, string fileName)
    {
        Root = root;
        OriginalText = originalText;
        FileName = fileName;
    }

    public JsonObject Root { get; private set; }

    /// <summary>The text the document was opened from; unchanged parts are exported with it.</summary>
    public string? OriginalText { get; }

    public string FileName { get; }

    public string Id => Text(Root["id"]) ?? string.Empty;

    public string Name => Text(Root["name"]) ?? Id;

    /// <summary>Whether every activity has a designer position (otherwise the canvas lays the workflow out).</summary>
    public bool HasPositions => Activities.Count > 0 && Activities.All(a => a is JsonObject node && ReadPosition(node) is not null);

    public JsonArray Activities => ArrayOf("activities");

    public JsonArray Connections => ArrayOf("connections");

    /// <summary>Opens a workflow file's text; refuses text that is not a JSON object, naming the line and column.</summary>
    public static DesignerDocument Open(string text, string fileName)
    {
        JsonNode? parsed;
        try
        {
            parsed = JsonNode.Parse(text, documentOptions: ReadOptions);
        }
        catch (JsonException ex)
        {
            throw new DesignerFileException($"{fileName}: line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}: not valid JSON: {FirstSentence(ex.Message)}");
        }

        if (parsed is not JsonObject root)
        {
            throw new DesignerFileException($"{fileName}: $: a workflow file holds one JSON object");
        }

        return new DesignerDocument(root, text, fileName);
    }

    /// <summary>A new, empty workflow in the layout of the files under <c>workflows/</c>.</summary>
    public static DesignerDocument New(string id, string name) => new(
        new JsonObject
        {
            ["$schema"] = "../src/ChangeOrchestrator.Engine/Definitions/workflow.schema.json",
            ["id"] = id,
            ["version"] = 1,
            ["name"] = name,
            ["inputs"] = new JsonArray(),
            ["activities"] = new JsonArray(),
            ["connections"] = new JsonArray(),
        },
        null,
        id + ".json");

    /// <summary>The file as it would be saved in <c>workflows/</c> (see <see cref="WorkflowFileWriter"/> for the layout rules).</summary>
    public string Export() => WorkflowFileWriter.Write(Root, OriginalText);

    /// <summary>The content without layout, for undo and for comparing.</summary>
    public string Snapshot() => Root.ToJsonString();

    public void Restore(string snapshot) => Root = (JsonObject)JsonNode.Parse(snapshot)!;

    public JsonObject? FindActivity(string id) =>
        Activities.OfType<JsonObject>().FirstOrDefault(a => Text(a["id"]) == id);

    public IEnumerable<string> ActivityIds() => Activities.OfType<JsonObject>().Select(a => Text(a["id"])).OfType<string>();

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static DesignerPoint? ReadPosition(JsonObject activity) =>
        activity["position"] is JsonObject p && Number(p["x"]) is { } x && Number(p["y"]) is { } y ? new DesignerPoint(x, y) : null;

    /// <summary>Adds an activity of <paramref name="type"/> at a point of the canvas; returns its new id (unique in the workflow).</summary>
    public string AddActivity(string type, DesignerPoint at)
    {
        var id = NewId(type);
        Activities.Add(new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["inputs"] = new JsonObject(),
            ["position"] = PositionJson(at),
        });
        return id;
    }

    /// <summary>A fresh id for an activity of a type: the type in camel case and the first free number.</summary>
    public string NewId(string type)
    {
        var stem = type.Length == 0 ? "activity" : char.ToLowerInvariant(type[0]) + type[1..];
        var taken = ActivityIds().ToHashSet(StringComparer.Ordinal);
        for (var n = 1; ; n++)
        {
            var candidate = stem + n.ToString(CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>The activities with these ids and the connections among them, copied.</summary>
    public DesignerFragment Copy(IReadOnlyCollection<string> ids)
    {
        var activities = Activities.OfType<JsonObject>().Where(a => ids.Contains(Text(a["id"]) ?? string.Empty)).Select(a => (JsonObject)a.DeepClone()).ToList();
        var connections = Connections.OfType<JsonObject>()
            .Where(c => ids.Contains(Text(c["from"]) ?? string.Empty) && ids.Contains(Text(c["to"]) ?? string.Empty))
            .Select(c => (JsonObject)c.DeepClone()).ToList();
        return new DesignerFragment(activities, connections);
    }

    /// <summary>
    /// Pastes copied activities with new ids (ids are unique within a workflow) moved by <paramref name="offset"/>, and
    /// the connections among them; returns the new ids in the fragment's order.
    /// </summary>
    public IReadOnlyList<string> Paste(DesignerFragment fragment, DesignerPoint offset)
    {
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var added = new List<string>();
        foreach (var original in fragment.Activities)
        {
            var activity = (JsonObject)original.DeepClone();
            var oldId = Text(activity["id"]) ?? "activity";
            var newId = NewId(Text(activity["type"]) ?? "activity");
            renamed[oldId] = newId;
            activity["id"] = newId;
            if (ReadPosition(activity) is { } at)
            {
                activity["position"] = PositionJson(new DesignerPoint(at.X + offset.X, at.Y + offset.Y));
            }

            Activities.Add(activity);
            added.Add(newId);
        }

        foreach (var original in fragment.Connections)
        {
            var connection = (JsonObject)original.DeepClone();
            if (Text(connection["from"]) is { } from && Text(connection["to"]) is { } to && renamed.TryGetValue(from, out var newFrom) && renamed.TryGetValue(to, out var newTo))
            {
                connection["from"] = newFrom;
                connection["to"] = newTo;
                Connections.Add(connection);
            }
        }

        return added;
    }

    /// <summary>The same workflow under another id and name, written without the original file's text.</summary>
    public DesignerDocument Duplicate(string id, string name)
    {
        var root = (JsonObject)Root.DeepClone();
        root["id"] = id;
        root["name"] = name;
        return new DesignerDocument(root, null, id + ".json");
    }

    /// <summary>Removes activities and every connection that touches them; a start or cancel naming one is cleared.</summary>
    public void RemoveActivities(IReadOnlyCollection<string> ids)
    {
        RemoveWhere(Activities, a => a is JsonObject o && ids.Contains(Text(o["id"]) ?? string.Empty));
        RemoveWhere(Connections, c => c is JsonObject o && (ids.Contains(Text(o["from"]) ?? string.Empty) || ids.Contains(Text(o["to"]) ?? string.Empty)));
        foreach (var member in new[] { "start", "cancel" })
        {
            if (Text(Root[member]) is { } named && ids.Contains(named))
            {
                Root.Remove(member);
            }
        }
    }

    public void MoveActivity(string id, DesignerPoint to)
    {
        if (FindActivity(id) is { } activity)
        {
            activity["position"] = PositionJson(to);
        }
    }

    /// <summary>Writes a position for every activity given (after a layout, or the first move in a file without positions).</summary>
    public void SetPositions(IReadOnlyDictionary<string, DesignerPoint> positions)
    {
        foreach (var activity in Activities.OfType<JsonObject>())
        {
            if (Text(activity["id"]) is { } id && positions.TryGetValue(id, out var point))
            {
                activity["position"] = PositionJson(point);
            }
        }
    }

    /// <summary>Connects an outcome of one activity to another; false when that connection exists already.</summary>
    public bool Connect(string from, string outcome, string to)
    {
        if (FindConnection(from, outcome, to) >= 0)
        {
            return false;
        }

        var connection = new JsonObject { ["from"] = from };
        if (outcome != ConnectionDefinition.DefaultOutcome)
        {
            connection["outcome"] = outcome;
        }

        connection["to"] = to;
        Connections.Add(connection);
        return true;
    }

    /// <summary>
    /// Puts activity <paramref name="inserted"/> into the connection from <paramref name="from"/>'s
    /// <paramref name="outcome"/> to <paramref name="to"/>: that outcome now leads to it, and its own
    /// <paramref name="insertedOutcome"/> leads on to <paramref name="to"/>. False (and nothing changed) when there is
    /// no such connection or the inserted activity does not exist.
    /// </summary>
    public bool Splice(string from, string outcome, string to, string inserted, string insertedOutcome)
    {
        var index = FindConnection(from, outcome, to);
        if (index < 0 || FindActivity(inserted) is null || inserted == from || inserted == to)
        {
            return false;
        }

        // The connection keeps its place (and its other members) in the file; only its target changes.
        ((JsonObject)Connections[index]!)["to"] = inserted;
        Connect(inserted, insertedOutcome, to);
        return true;
    }

    public bool Disconnect(string from, string outcome, string to)
    {
        var index = FindConnection(from, outcome, to);
        if (index < 0)
        {
            return false;
        }

        Connections.RemoveAt(index);
        return true;
    }

    /// <summary>Every connection as (from, outcome, to), the outcome defaulted as the engine defaults it.</summary>
    public IEnumerable<(string From, string Outcome, string To)> ListConnections() =>
        Connections.OfType<JsonObject>()
            .Select(c => (From: Text(c["from"]), Outcome: Text(c["outcome"]) ?? ConnectionDefinition.DefaultOutcome, To: Text(c["to"])))
            .Where(c => c.From is not null && c.To is not null)
            .Select(c => (c.From!, c.Outcome, c.To!));

    /// <summary>Sets one input of an activity (a literal, or <c>{"js": ...}</c>); null removes it.</summary>
    public void SetInput(string activityId, string input, JsonNode? value)
    {
        if (FindActivity(activityId) is not { } activity)
        {
            return;
        }

        if (activity["inputs"] is not JsonObject inputs)
        {
            inputs = new JsonObject();
            InsertBefore(activity, "inputs", inputs, "retry", "timeout", "position");
        }

        if (value is null)
        {
            inputs.Remove(input);
        }
        else
        {
            inputs[input] = value;
        }
    }

    /// <summary>Sets or clears an optional member of an activity (<c>name</c>, <c>timeout</c>, ...), keeping the file's member order.</summary>
    public void SetActivityMember(string activityId, string member, JsonNode? value)
    {
        if (FindActivity(activityId) is not { } activity)
        {
            return;
        }

        if (value is null)
        {
            activity.Remove(member);
        }
        else if (activity.ContainsKey(member))
        {
            activity[member] = value;
        }
        else
        {
            InsertBefore(activity, member, value, "inputs", "retry", "timeout", "position");
        }
    }

    /// <summary>Sets or clears a top-level member (<c>start</c>, <c>cancel</c>, <c>name</c>, ...), placed before the activities when new.</summary>
    public void SetMember(string member, JsonNode? value)
    {
        if (value is null)
        {
            Root.Remove(member);
        }
        else if (Root.ContainsKey(member))
        {
            Root[member] = value;
        }
        else
        {
            InsertBefore(Root, member, value, "activities", "connections");
        }
    }

    private int FindConnection(string from, string outcome, string to)
    {
        for (var i = 0; i < Connections.Count; i++)
        {
            if (Connections[i] is JsonObject c && Text(c["from"]) == from && (Text(c["outcome"]) ?? ConnectionDefinition.DefaultOutcome) == outcome && Text(c["to"]) == to)
            {
                return i;
            }
        }

        return -1;
    }

    private JsonArray ArrayOf(string member)
    {
        if (Root[member] is JsonArray array)
        {
            return array;
        }

        array = new JsonArray();
        SetMember(member, array);
        return array;
    }

    private static void InsertBefore(JsonObject target, string name, JsonNode value, params string[] before)
    {
        var index = target.Select((member, i) => (member.Key, i)).Where(m => before.Contains(m.Key)).Select(m => m.i).DefaultIfEmpty(target.Count).Min();
        target.Insert(index, name, value);
    }

    private static void RemoveWhere(JsonArray array, Func<JsonNode?, bool> predicate)
    {
        for (var i = array.Count - 1; i >= 0; i--)
        {
            if (predicate(array[i]))
            {
                array.RemoveAt(i);
            }
        }
    }

    private static JsonObject PositionJson(DesignerPoint point) => new()
    {
        ["x"] = (int)Math.Round(point.X),
        ["y"] = (int)Math.Round(point.Y),
    };

    // A parsed number and one the designer wrote (an int) are held differently; their JSON text reads the same.
    private static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture) : null;

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
