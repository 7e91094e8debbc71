using System.ComponentModel.DataAnnotations;
using DataType = ChangeOrchestrator.Engine.Definitions.Contracts.DataType;
using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// Reads the constraints of an activity input from its property's attributes: the data annotations .NET developers
/// know (<c>[Range]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c>, <c>[RegularExpression]</c>) and the engine's own
/// <c>[Format]</c>, <c>[DurationRange]</c> and <c>[EnumFrom]</c>, into the vocabulary workflow inputs use.
/// </summary>
internal static class ActivityConstraints
{
    public static InputConstraints Of(PropertyInfo property, DataType type)
    {
        var range = property.GetCustomAttribute<RangeAttribute>();
        var durations = property.GetCustomAttribute<DurationRangeAttribute>();
        var minLength = property.GetCustomAttribute<MinLengthAttribute>()?.Length;
        var maxLength = property.GetCustomAttribute<MaxLengthAttribute>()?.Length;
        var isArray = type == DataType.Array;
        var constraints = new InputConstraints
        {
            Minimum = range is not null ? Number(range.Minimum) : durations?.Minimum is { } dmin ? JsonValue.Create(dmin) : null,
            Maximum = range is not null ? Number(range.Maximum) : durations?.Maximum is { } dmax ? JsonValue.Create(dmax) : null,
            Pattern = property.GetCustomAttribute<RegularExpressionAttribute>()?.Pattern,
            MinLength = isArray ? null : minLength,
            MaxLength = isArray ? null : maxLength,
            MinItems = isArray ? minLength : null,
            MaxItems = isArray ? maxLength : null,
            Format = property.GetCustomAttribute<FormatAttribute>()?.Format,
            EnumFrom = property.GetCustomAttribute<EnumFromAttribute>()?.Source,
        };
        return constraints == new InputConstraints() ? InputConstraints.None : constraints;
    }

    private static JsonNode? Number(object? bound) => bound switch
    {
        int i when i is not (int.MinValue or int.MaxValue) => JsonValue.Create(i),
        double d when !double.IsInfinity(d) && d is not (double.MinValue or double.MaxValue) => JsonValue.Create(d),
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => JsonValue.Create(parsed),
        _ => null,
    };
}
