using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// Takes the long arrays out of a value about to be kept in an instance: each array of more than the threshold's
/// items (or object of more properties, keyed by server) becomes a stored list and a <see cref="ResultReference"/> in
/// its place, named by its JSON path. Items of a
/// list stay whole (an item's own arrays go with it); references already in the value are left as they are.
/// </summary>
internal static class ResultSpiller
{
    /// <summary>Replaces, in place, the long arrays under <paramref name="node"/>; returns the node to keep (a reference when the node itself is long).</summary>
    public static JsonNode? Spill(JsonNode? node, string activity, string path, int threshold, List<ResultList> lists)
    {
        switch (node)
        {
            case JsonArray array when array.Count > threshold:
                var items = array.ToList();
                array.Clear();
                lists.Add(new ResultList(activity, path, items));
                return ResultReference.Create(activity, path, items.Count);

            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var item = array[i];
                    var kept = Spill(item, activity, Child(path, i.ToString(CultureInfo.InvariantCulture)), threshold, lists);
                    if (!ReferenceEquals(kept, item))
                    {
                        array[i] = kept;
                    }
                }

                return array;

            // An object keyed by server (say, each server's root snapshot) is a per-server list too: one item per property.
            case JsonObject obj when path.Length > 0 && obj.Count > threshold && !ResultReference.Is(obj):
                var properties = obj.ToList();
                obj.Clear();
                lists.Add(new ResultList(activity, path, [.. properties.Select(p => (JsonNode?)ResultReference.PropertyItem(p.Key, p.Value))]));
                return ResultReference.Create(activity, path, properties.Count, isObject: true);

            case JsonObject obj when !ResultReference.Is(obj):
                foreach (var name in obj.Select(p => p.Key).ToList())
                {
                    var value = obj[name];
                    var kept = Spill(value, activity, Child(path, name), threshold, lists);
                    if (!ReferenceEquals(kept, value))
                    {
                        obj[name] = kept;
                    }
                }

                return obj;

            default:
                return node;
        }
    }

    private static string Child(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
