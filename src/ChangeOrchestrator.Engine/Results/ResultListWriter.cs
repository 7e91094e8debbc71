using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// A per-server list an activity writes a page at a time while it runs, so that a list of tens of thousands of
/// servers is never held whole: each page goes to the store at once, ahead of the burst's commit, and the output
/// takes <see cref="CompleteAsync"/>'s reference, which the commit then keeps (<see cref="ResultReplacement.Keeping"/>).
/// The list has the name the output property's own list would have, so the results API finds it as any other. A
/// re-run after a crash before the commit writes it again page by page over what it left; until the commit, the list
/// the activity's previous output named (a loop running it again) already holds the new items. A keyed writer writes an
/// object keyed by server (each server's root snapshot) the way a long object is stored: one item per property.
/// In the burst that starts an instance nothing is written ahead, as the instance is not stored yet: the items are
/// held and <see cref="CompleteAsync"/> gives them whole, for the commit to store like any long list.
/// </summary>
public sealed class ResultListWriter
{
    private readonly IStepResultStore _store;
    private readonly string _instanceId;
    private readonly string _activity;
    private readonly string _name;
    private readonly bool _keyed;
    private readonly List<JsonNode?>? _held;
    private bool _completed;

    internal ResultListWriter(IStepResultStore store, string instanceId, string activity, string name, bool keyed, bool instanceStored)
    {
        if (name.Length == 0 || name.StartsWith('$'))
        {
            throw new ArgumentException($"A written list is named by its output property, not '{name}'.", nameof(name));
        }

        _store = store;
        _instanceId = instanceId;
        _activity = activity;
        _name = name;
        _keyed = keyed;
        _held = instanceStored ? null : [];
    }

    /// <summary>How many items are written so far.</summary>
    public int Count { get; private set; }

    /// <summary>Writes the next page, over what an execution that did not commit left at those positions.</summary>
    public Task AppendAsync(IReadOnlyList<JsonNode?> items, CancellationToken cancellationToken) =>
        _keyed
            ? throw new InvalidOperationException($"The object '{_name}' of '{_activity}' is written a property at a time.")
            : WriteAsync(items, cancellationToken);

    /// <summary>Writes the next page of a keyed writer's properties.</summary>
    public Task AppendPropertiesAsync(IReadOnlyList<KeyValuePair<string, JsonNode?>> properties, CancellationToken cancellationToken) =>
        !_keyed
            ? throw new InvalidOperationException($"The list '{_name}' of '{_activity}' is written an item at a time.")
            : WriteAsync([.. properties.Select(p => (JsonNode?)ResultReference.PropertyItem(p.Key, p.Value))], cancellationToken);

    private async Task WriteAsync(IReadOnlyList<JsonNode?> items, CancellationToken cancellationToken)
    {
        if (_completed)
        {
            throw new InvalidOperationException($"The list '{_name}' of '{_activity}' is complete.");
        }

        if (items.Count == 0)
        {
            return;
        }

        if (_held is not null)
        {
            _held.AddRange(items);
            Count += items.Count;
            return;
        }

        await _store.WritePageAsync(_instanceId, new ResultList(_activity, _name, items), Count, endsList: false, cancellationToken);
        Count += items.Count;
    }

    /// <summary>
    /// Ends the list, removing what an execution that did not commit had written beyond it, and gives the value for
    /// the output: a reference to the list, or an empty array (an empty object, when keyed) when nothing was written;
    /// the items themselves when they were held.
    /// </summary>
    public async Task<JsonNode> CompleteAsync(CancellationToken cancellationToken)
    {
        if (_held is not null)
        {
            _completed = true;
            return _keyed ? HeldObject(_held) : new JsonArray([.. _held]);
        }

        if (!_completed)
        {
            await _store.WritePageAsync(_instanceId, new ResultList(_activity, _name, []), Count, endsList: true, cancellationToken);
            _completed = true;
        }

        return Count > 0 ? ResultReference.Create(_activity, _name, Count, isObject: _keyed)
            : _keyed ? new JsonObject()
            : new JsonArray();
    }

    /// <summary>Held properties as the object they stand for; a key given twice keeps its last value, as a stored object read back does.</summary>
    private static JsonObject HeldObject(List<JsonNode?> properties)
    {
        var held = new JsonObject();
        foreach (var property in properties)
        {
            held[property!["key"]!.GetValue<string>()] = property["value"]?.DeepClone();
        }

        return held;
    }
}
