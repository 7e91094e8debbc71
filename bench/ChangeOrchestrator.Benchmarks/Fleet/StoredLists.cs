using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// The step outputs of a change with their per-server lists read back: a list longer than the engine keeps inline is
/// a reference (<c>{ "$results": [...], "length": n }</c>) whose items are paged from <c>/api/instances/{id}/results</c>.
/// </summary>
internal static class StoredLists
{
    public static async Task<JsonObject> ResolveAsync(HttpClient api, string instanceId, JsonObject outputs, CancellationToken cancellationToken) =>
        (JsonObject)(await ResolveNodeAsync(api, instanceId, outputs, cancellationToken))!;

    private static async Task<JsonNode?> ResolveNodeAsync(HttpClient api, string instanceId, JsonNode? node, CancellationToken cancellationToken)
    {
        switch (node)
        {
            case JsonObject reference when reference["$results"] is JsonArray parts:
                var items = new JsonArray();
                foreach (var part in parts)
                {
                    if (part?["items"] is JsonArray inline)
                    {
                        foreach (var item in inline)
                        {
                            items.Add(item?.DeepClone());
                        }
                    }
                    else
                    {
                        await ReadAsync(api, instanceId, part!["activity"]!.GetValue<string>(), part["name"]!.GetValue<string>(), items, cancellationToken);
                    }
                }

                return items;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (name, value) in obj)
                {
                    copy[name] = await ResolveNodeAsync(api, instanceId, value, cancellationToken);
                }

                return copy;
            case JsonArray array:
                var elements = new JsonArray();
                foreach (var value in array)
                {
                    elements.Add(await ResolveNodeAsync(api, instanceId, value, cancellationToken));
                }

                return elements;
            default:
                return node?.DeepClone();
        }
    }

    private static async Task ReadAsync(HttpClient api, string instanceId, string activity, string name, JsonArray items, CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var path = $"api/instances/{instanceId}/results?activity={Uri.EscapeDataString(activity)}&name={Uri.EscapeDataString(name)}&limit=500"
                + (after is null ? "" : "&after=" + Uri.EscapeDataString(after));
            using var response = await api.GetAsync(path, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GET {path}: {(int)response.StatusCode} {text}"));
            }

            var page = JsonNode.Parse(text)!;
            foreach (var item in page["items"]!.AsArray())
            {
                items.Add(item!["data"]?.DeepClone());
            }

            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);
    }
}
