using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>How activity inputs and outputs map to JSON: camelCase names, ISO 8601 durations, enums by name.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    // Nodes made from serialized elements read names as the options do, as SerializeToNode's nodes would.
    private static readonly JsonNodeOptions NodeOptions = new() { PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive };

    public static T Bind<T>(JsonObject inputs, string activityId)
    {
        try
        {
            // As inputs.Deserialize<T>(Options) reads it, through text in segments rather than one growing array.
            using var text = new SegmentedJsonBuffer();
            using (var writer = new Utf8JsonWriter(text, new JsonWriterOptions { Encoder = Options.Encoder, MaxDepth = Options.MaxDepth }))
            {
                inputs.WriteTo(writer, Options);
            }

            var reader = new Utf8JsonReader(text.ToSequence(), new JsonReaderOptions { MaxDepth = Options.MaxDepth });
            return JsonSerializer.Deserialize<T>(ref reader, Options)
                ?? throw new ActivityException($"Activity '{activityId}' received no inputs.", isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ActivityException($"Activity '{activityId}' has an input of the wrong shape at {ex.Path}: {ex.Message}", isTransient: false, ex);
        }
    }

    /// <summary>One item of a list input read item by item (see <see cref="ActivityContext.ReadListAsync{T}"/>).</summary>
    public static T BindItem<T>(JsonNode? item, string activityId, string inputName, int index)
        where T : class
    {
        try
        {
            return item.Deserialize<T>(Options)
                ?? throw new ActivityException($"Activity '{activityId}' has a null item at {inputName}[{index}].", isTransient: false);
        }
        catch (JsonException ex)
        {
            throw new ActivityException(
                $"Activity '{activityId}' has an input of the wrong shape at {inputName}[{index}]{ex.Path?.TrimStart('$')}: {ex.Message}", isTransient: false, ex);
        }
    }

    /// <summary>
    /// A value as JSON, as <see cref="JsonSerializer.SerializeToNode{TValue}(TValue, JsonSerializerOptions?)"/> writes
    /// it, except that each item of the value's top-level lists (or of the value, when it is a list) is serialized on
    /// its own. An output of 50,000 servers then never exists as one document: whole, its text and token index took
    /// hundreds of megabytes of the large object heap, and every item node read from it kept all of it alive until the
    /// burst committed.
    /// </summary>
    public static JsonNode? ToNode<T>(T value)
    {
        var info = Options.GetTypeInfo(typeof(T));
        if (info.Kind == JsonTypeInfoKind.Enumerable && value is IEnumerable list)
        {
            return ItemByItem(list, ElementTypeOf(typeof(T)));
        }

        if (value is null || info.Kind != JsonTypeInfoKind.Object)
        {
            return JsonSerializer.SerializeToNode(value, Options);
        }

        var node = new JsonObject();
        foreach (var property in info.Properties.Where(p => p.Get is not null))
        {
            var member = property.Get!(value);
            // The options write no null (WhenWritingNull), and a property may say it is not written.
            if (member is null || property.ShouldSerialize?.Invoke(value, member) == false)
            {
                continue;
            }

            node[property.Name] = Options.GetTypeInfo(property.PropertyType).Kind == JsonTypeInfoKind.Enumerable && member is IEnumerable items
                ? ItemByItem(items, ElementTypeOf(property.PropertyType))
                : JsonSerializer.SerializeToNode(member, property.PropertyType, Options);
        }

        return node;
    }

    /// <summary>
    /// One item of a per-server list as JSON, its text and token index kept as one small document that its properties
    /// are read from when asked. <see cref="JsonSerializer.SerializeToNode{TValue}(TValue, JsonSerializerOptions?)"/>
    /// parses every string and number of the item into a document of its own: for a list of 50,000 servers that was
    /// about a million documents, three times the memory of the items' text, held until the burst committed.
    /// </summary>
    public static JsonNode? ItemNode<T>(T item) => ItemNode(item, typeof(T));

    private static JsonNode? ItemNode(object? item, Type type)
    {
        if (item is null)
        {
            return null;
        }

        var element = JsonSerializer.SerializeToElement(item, type, Options);
        return element.ValueKind switch
        {
            JsonValueKind.Object => JsonObject.Create(element, NodeOptions),
            JsonValueKind.Array => JsonArray.Create(element, NodeOptions),
            JsonValueKind.Null => null,
            _ => JsonValue.Create(element, NodeOptions),
        };
    }

    private static JsonArray ItemByItem(IEnumerable items, Type elementType)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(ItemNode(item, elementType));
        }

        return array;
    }

    private static Type ElementTypeOf(Type listType) =>
        (listType.IsGenericType && listType.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? listType : listType.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>)))?.GetGenericArguments()[0] ?? typeof(object);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.Converters.Add(new Iso8601DurationConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
