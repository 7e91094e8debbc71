using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>How activity inputs and outputs map to JSON: camelCase names, ISO 8601 durations, enums by name.</summary>
public static class ActivityJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    public static T Bind<T>(JsonObject inputs, string activityId)
    {
        try
        {
            return inputs.Deserialize<T>(Options)
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
