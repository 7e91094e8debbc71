using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>Reads an activity class (attributes, input and output records) into its catalogue entry.</summary>
internal static class ActivityDescriptorFactory
{
    public static ActivityDescriptor Create(Type activityType)
    {
        var attribute = activityType.GetCustomAttribute<ActivityAttribute>()
            ?? throw new InvalidOperationException($"{activityType.Name} needs an [Activity] attribute to be registered.");
        var (inputType, outputType) = FindInputOutputTypes(activityType);
        var outcomes = activityType.GetCustomAttribute<OutcomesAttribute>();
        var suspends = activityType.GetCustomAttribute<SuspendsAttribute>();

        return new ActivityDescriptor
        {
            Type = attribute.Type ?? activityType.Name,
            Description = attribute.Description,
            Category = attribute.Category,
            ClrType = activityType,
            Inputs = Describe(inputType),
            Outputs = Describe(outputType),
            Outcomes = outcomes?.Outcomes ?? [ActivityResult.DoneOutcome],
            OutcomesFromInput = outcomes?.FromInput,
            Suspends = suspends is not null,
            BoundsLoop = suspends?.BoundsLoop ?? false,
            StreamsState = activityType.GetCustomAttribute<StreamsStateAttribute>() is not null,
        };
    }

    private static (Type Input, Type Output) FindInputOutputTypes(Type activityType)
    {
        for (var type = activityType; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Activity<,>))
            {
                var arguments = type.GetGenericArguments();
                return (arguments[0], arguments[1]);
            }
        }

        throw new InvalidOperationException($"{activityType.Name} must derive from Activity<TInput> or Activity<TInput, TOutput>.");
    }

    private static List<ActivityPropertyDescriptor> Describe(Type recordType) =>
        recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite || p.GetCustomAttribute<RequiredMemberAttribute>() is not null || p.CanRead)
            .Where(p => p.Name != "EqualityContract")
            .Select(Describe)
            .ToList();

    private static ActivityPropertyDescriptor Describe(PropertyInfo property)
    {
        var streams = property.GetCustomAttribute<StreamsResultsAttribute>();
        var type = streams?.DeclaredAs ?? DataTypeOf(property.PropertyType);
        return new ActivityPropertyDescriptor
        {
            Name = JsonNamingPolicy.CamelCase.ConvertName(property.Name),
            Type = type,
            Constraints = ActivityConstraints.Of(property, type),
            Required = property.GetCustomAttribute<RequiredMemberAttribute>() is not null,
            Description = property.GetCustomAttribute<DescriptionAttribute>()?.Description,
            AllowedValues = AllowedValuesOf(property.PropertyType),
            StreamsResults = streams is not null,
        };
    }

    internal static DataType DataTypeOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(string) || type.IsEnum => DataType.String,
            _ when type == typeof(bool) => DataType.Boolean,
            _ when type == typeof(int) || type == typeof(long) => DataType.Integer,
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => DataType.Number,
            _ when type == typeof(TimeSpan) => DataType.Duration,
            _ when type == typeof(DateTimeOffset) => DataType.DateTime,
            _ when type == typeof(JsonNode) || type == typeof(JsonElement) || type == typeof(object) => DataType.Any,
            _ when type == typeof(JsonArray) || (type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && !IsDictionary(type)) => DataType.Array,
            _ => DataType.Object,
        };
    }

    private static bool IsDictionary(Type type) =>
        type == typeof(JsonObject) || type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>));

    private static string[]? AllowedValuesOf(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName).ToArray() : null;
    }
}
