using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>Every activity type the engine can run, by the name used in workflow files.</summary>
public sealed class ActivityCatalogue
{
    private static readonly JsonSerializerOptions JsonOptions = CreateJsonOptions();

    private readonly Dictionary<string, ActivityDescriptor> _byType;

    public ActivityCatalogue(IEnumerable<Type> activityTypes)
    {
        _byType = activityTypes
            .Distinct()
            .Select(ActivityDescriptorFactory.Create)
            .ToDictionary(d => d.Type, StringComparer.Ordinal);
    }

    public IReadOnlyCollection<ActivityDescriptor> All => _byType.Values;

    public ActivityDescriptor? Find(string type) => _byType.GetValueOrDefault(type);

    public string ToJson() => JsonSerializer.Serialize(
        _byType.Values.OrderBy(d => d.Category).ThenBy(d => d.Type).Select(d => new
        {
            d.Type,
            d.Description,
            d.Category,
            d.Inputs,
            d.Outputs,
            d.Outcomes,
            d.OutcomesFromInput,
            d.Suspends,
            d.BoundsLoop,
        }),
        JsonOptions);

    private static JsonSerializerOptions CreateJsonOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
