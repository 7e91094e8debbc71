using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// Checks values against their type and <see cref="InputConstraints"/>, collecting every violation with its path
/// rather than stopping at the first. Checks that need the host (<c>enumFrom</c>) are collected as
/// <see cref="Lookups"/> for the caller to resolve.
/// </summary>
public sealed class ValueChecker
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(100);

    // Messages quote values as written: "+01:00", not "\u002B01:00". They are text inside JSON, escaped again there.
    private static readonly JsonSerializerOptions ShownOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<ConstraintViolation> _violations = [];
    private readonly List<PendingLookup> _lookups = [];

    public IReadOnlyList<ConstraintViolation> Violations => _violations;

    public IReadOnlyList<PendingLookup> Lookups => _lookups;

    /// <summary>Checks a declared workflow input (or field) that has a value.</summary>
    public void Check(JsonNode? value, WorkflowInputDefinition declared, string path) => Check(value, declared.Type, declared.Constraints, path);

    public void Check(JsonNode? value, DataType type, InputConstraints constraints, string path)
    {
        if (value is null)
        {
            return;
        }

        if (DataTypes.Describe(value, type) is not null)
        {
            Add(path, DataTypes.Name(type), value);
            return;
        }

        if (constraints.Enum is { } allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            Add(path, "one of " + string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null")), value);
        }

        CheckRange(value, type, constraints, path);
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                CheckString(value.GetValue<string>(), value, constraints, path);
                break;
            case JsonValueKind.Array:
                CheckArray(value.AsArray(), constraints, path);
                break;
            case JsonValueKind.Object:
                CheckObject(value.AsObject(), constraints, path);
                break;
        }
    }

    /// <summary>Records a violation found elsewhere (a missing field, an unknown one, a host lookup) with the same wording.</summary>
    public void Add(string path, string expected, JsonNode? given) => _violations.Add(new ConstraintViolation(path, expected, Shown(given)));

    public static string Shown(JsonNode? value)
    {
        var text = value?.ToJsonString(ShownOptions) ?? "nothing";
        return text.Length > 60 ? text[..60] + "..." : text;
    }

    public static string FieldPath(string parent, string name) =>
        IsIdentifier(name) ? (parent.Length == 0 ? name : $"{parent}.{name}") : $"{parent}[{JsonValue.Create(name).ToJsonString()}]";

    private void CheckRange(JsonNode value, DataType type, InputConstraints constraints, string path)
    {
        if (constraints.Minimum is null && constraints.Maximum is null)
        {
            return;
        }

        if (type is DataType.Number or DataType.Integer && JsonNumbers.TryGetDouble(value.AsValue(), out var number))
        {
            var min = Number(constraints.Minimum);
            var max = Number(constraints.Maximum);
            if (number < min || number > max)
            {
                Add(path, RangeText(constraints), value);
            }
        }
        else if (type == DataType.Duration && Iso8601DurationConverter.TryParse(value.GetValue<string>(), out var duration))
        {
            var min = Duration(constraints.Minimum);
            var max = Duration(constraints.Maximum);
            if ((min is { } lo && duration < lo) || (max is { } hi && duration > hi))
            {
                Add(path, RangeText(constraints), value);
            }
        }
    }

    private void CheckString(string text, JsonNode value, InputConstraints constraints, string path)
    {
        var passed = true;
        if (constraints.MinLength is { } minLength && text.Length < minLength)
        {
            passed = false;
            Add(path, minLength == 1 ? "a non-empty string" : $"at least {minLength} characters", value);
        }

        if (constraints.MaxLength is { } maxLength && text.Length > maxLength)
        {
            passed = false;
            Add(path, $"at most {maxLength} characters", value);
        }

        if (constraints.Pattern is { } pattern && !MatchesPattern(text, pattern))
        {
            passed = false;
            Add(path, $"text matching /{pattern}/", value);
        }

        if (constraints.Format is { } format && !ValueFormats.Matches(format, text))
        {
            passed = false;
            Add(path, ValueFormats.Describe(format), value);
        }

        if (passed && constraints.EnumFrom is { } source)
        {
            _lookups.Add(new PendingLookup(path, text, source, constraints.AllowEmpty));
        }
    }

    private void CheckArray(JsonArray array, InputConstraints constraints, string path)
    {
        if (constraints.MinItems is { } minItems && array.Count < minItems)
        {
            _violations.Add(new ConstraintViolation(path, minItems == 1 ? "at least one item" : $"at least {minItems} items", Count(array.Count)));
        }

        if (constraints.MaxItems is { } maxItems && array.Count > maxItems)
        {
            _violations.Add(new ConstraintViolation(path, $"at most {maxItems} items", Count(array.Count)));
        }

        if (constraints.Items is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
                if (array[i] is null)
                {
                    Add(itemPath, DataTypes.Name(items.Type), null);
                    continue;
                }

                Check(array[i], items.Type, items.Constraints, itemPath);
            }
        }
    }

    private void CheckObject(JsonObject obj, InputConstraints constraints, string path)
    {
        if (constraints.Fields is { } fields)
        {
            foreach (var field in fields)
            {
                var fieldPath = FieldPath(path, field.Name);
                if (obj[field.Name] is { } fieldValue)
                {
                    Check(fieldValue, field, fieldPath);
                }
                else if (field.Required && field.Default is null)
                {
                    Add(fieldPath, $"a value ({DataTypes.Name(field.Type)}); the field is required", null);
                }
            }

            foreach (var (name, fieldValue) in obj)
            {
                if (fields.All(f => f.Name != name))
                {
                    Add(FieldPath(path, name), $"one of the fields {string.Join(", ", fields.Select(f => f.Name))}", fieldValue);
                }
            }
        }

        if (constraints.Values is { } values)
        {
            foreach (var (name, fieldValue) in obj)
            {
                if (fieldValue is null)
                {
                    Add(FieldPath(path, name), DataTypes.Name(values.Type), null);
                    continue;
                }

                Check(fieldValue, values.Type, values.Constraints, FieldPath(path, name));
            }
        }
    }

    private static bool MatchesPattern(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.None, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pattern that backtracks for this long on a caller's text is treated as not matching it.
            return false;
        }
    }

    private static string RangeText(InputConstraints constraints) => (constraints.Minimum, constraints.Maximum) switch
    {
        ({ } min, { } max) => $"from {Text(min)} to {Text(max)}",
        ({ } min, null) => $"at least {Text(min)}",
        (null, { } max) => $"at most {Text(max)}",
        _ => "any value",
    };

    private static string Text(JsonNode bound) => bound.GetValueKind() == JsonValueKind.String ? bound.GetValue<string>() : bound.ToJsonString();

    private static double Number(JsonNode? bound) => bound switch
    {
        null => double.NaN,
        _ when JsonNumbers.TryGetDouble(bound.AsValue(), out var n) => n,
        _ => double.NaN,
    };

    private static TimeSpan? Duration(JsonNode? bound) =>
        bound is JsonValue v && v.TryGetValue<string>(out var text) && Iso8601DurationConverter.TryParse(text, out var d) ? d : null;

    private static string Count(int count) => count == 1 ? "1 item" : string.Create(CultureInfo.InvariantCulture, $"{count} items");

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c is '_' or '-');
}
