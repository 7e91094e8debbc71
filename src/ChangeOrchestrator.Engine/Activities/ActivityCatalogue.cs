using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChangeOrchestrator.Engine.Definitions.Contracts;

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
            Inputs = d.Inputs.Select(Describe),
            Outputs = d.Outputs.Select(Describe),
            d.Outcomes,
            d.OutcomesFromInput,
            d.Suspends,
            d.BoundsLoop,
        }),
        JsonOptions);

    /// <summary>A property as the catalogue serves it: its constraints named as in workflow files, so a designer checks literals as the loader does.</summary>
    private static JsonObject Describe(ActivityPropertyDescriptor property)
    {
        var json = new JsonObject { ["name"] = property.Name, ["type"] = ContractJson.Name(property.Type), ["required"] = property.Required };
        if (property.Description is not null)
        {
            json["description"] = property.Description;
        }

        if (property.AllowedValues is { } allowed)
        {
            json["allowedValues"] = new JsonArray([.. allowed.Select(a => (JsonNode)a)]);
        }

        ContractJson.WriteConstraints(property.Constraints, json);
        return json;
    }

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
