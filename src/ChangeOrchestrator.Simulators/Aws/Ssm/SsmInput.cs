using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>
/// Typed reads of a JSON 1.1 request body. Empty lists and maps count as absent, as the SDK sends them;
/// a member of the wrong JSON type is a SerializationException, as in the service.
/// </summary>
internal sealed class SsmInput(JsonElement element)
{
    public bool Has(string name) => TryGet(name, out _);

    public string? String(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Mismatch(name, "string");
    }

    public string RequiredString(string name) =>
        String(name) is { Length: > 0 } value ? value : throw SsmErrors.Required(name);

    public int? Int(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : throw Mismatch(name, "integer");
    }

    public bool? Bool(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Mismatch(name, "boolean"),
        };
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(name, "list");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.String ? item.GetString()! : throw Mismatch(name, "list of strings"))];
    }

    public IReadOnlyList<SsmInput> Objects(string name)
    {
        if (!TryGet(name, out var value))
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(name, "list");
        }

        return [.. value.EnumerateArray().Select(item => item.ValueKind == JsonValueKind.Object ? new SsmInput(item) : throw Mismatch(name, "list of structures"))];
    }

    public SsmInput? Object(string name)
    {
        if (!TryGet(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? new SsmInput(value) : throw Mismatch(name, "structure");
    }

    public IReadOnlyDictionary<string, IReadOnlyList<string>> StringListMap(string name)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (Object(name) is not { } map)
        {
            return result;
        }

        foreach (var property in map.Properties())
        {
            result[property] = map.Strings(property);
        }

        return result;
    }

    public IEnumerable<string> Properties() => element.EnumerateObject().Select(p => p.Name);

    /// <summary>A member kept as sent, to echo back later.</summary>
    public JsonNode? Raw(string name) => TryGet(name, out var value) ? JsonNode.Parse(value.GetRawText()) : null;

    public string RawText() => element.GetRawText();

    private bool TryGet(string name, out JsonElement value)
    {
        if (!element.TryGetProperty(name, out value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Array => value.GetArrayLength() > 0,
            JsonValueKind.Object => value.EnumerateObject().Any(),
            _ => true,
        };
    }

    private static SsmServiceException Mismatch(string name, string expected) =>
        SsmErrors.Serialization($"Unexpected value for '{name}': expected {expected}");
}
