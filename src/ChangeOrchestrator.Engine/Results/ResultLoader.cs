using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// Reads stored per-server lists back for one burst: lists the burst itself wrote come from the burst (they are not
/// committed yet), the others from the store, a page at a time.
/// </summary>
internal sealed class ResultLoader(
    IStepResultStore store, string instanceId, bool instanceStored, Func<string, string, ResultList?> pending, Func<string, string, bool> replaced)
{
    /// <summary>The items a reference names, in order, read lazily.</summary>
    public async IAsyncEnumerable<JsonNode?> ReadAsync(JsonObject reference, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (activity, name, inline) in ResultReference.Parts(reference))
        {
            if (inline is not null)
            {
                foreach (var item in inline)
                {
                    yield return item?.DeepClone();
                }

                continue;
            }

            if (replaced(activity, name))
            {
                foreach (var item in pending(activity, name)?.Items ?? [])
                {
                    yield return item?.DeepClone();
                }

                continue;
            }

            await foreach (var item in store.ReadListAsync(instanceId, activity, name, cancellationToken))
            {
                yield return item;
            }
        }
    }

    /// <summary>An output list of <paramref name="activity"/> to write a page at a time while it runs.</summary>
    public ResultListWriter Writer(string activity, string name, bool keyed) => new(store, instanceId, activity, name, keyed, instanceStored);

    /// <summary>
    /// A copy of <paramref name="node"/> with every reference in it replaced by the array it names, except the
    /// references <paramref name="keep"/> accepts, which stay references.
    /// </summary>
    public async Task<JsonNode?> ResolveAsync(JsonNode? node, CancellationToken cancellationToken, Func<JsonObject, bool>? keep = null)
    {
        switch (node)
        {
            case JsonObject obj when ResultReference.Is(obj) && keep is not null && keep(obj):
                return obj.DeepClone();

            case JsonObject obj when ResultReference.Is(obj) && ResultReference.IsObject(obj):
                var properties = new JsonObject();
                await foreach (var item in ReadAsync(obj, cancellationToken))
                {
                    properties[item!["key"]!.GetValue<string>()] = item["value"]?.DeepClone();
                }

                return properties;

            case JsonObject obj when ResultReference.Is(obj):
                var items = new JsonArray();
                await foreach (var item in ReadAsync(obj, cancellationToken))
                {
                    items.Add(item);
                }

                return items;

            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = ResultReference.Within(value) ? await ResolveAsync(value, cancellationToken, keep) : value?.DeepClone();
                }

                return copy;

            case JsonArray array:
                var elements = new JsonArray();
                foreach (var value in array)
                {
                    elements.Add(ResultReference.Within(value) ? await ResolveAsync(value, cancellationToken, keep) : value?.DeepClone());
                }

                return elements;

            default:
                return node?.DeepClone();
        }
    }
}
