using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>
/// Reads input declarations (name, type, required, default, description and the constraint vocabulary), their
/// nested fields and items, and cross-field rules, reporting each mistake at its JSON path. A default is checked
/// against its own declaration here, so a file cannot ship a default its own start would refuse.
/// </summary>
internal sealed partial class ContractReader(DefinitionErrors errors)
{
    public static readonly string[] ConstraintProperties =
        ["enum", "enumFrom", "allowEmpty", "minimum", "maximum", "pattern", "minLength", "maxLength", "minItems", "maxItems", "format", "fields", "items", "values"];

    private static readonly string[] DeclarationProperties = ["name", "type", "required", "default", "description", .. ConstraintProperties];
    private static readonly string[] ItemProperties = ["type", "description", .. ConstraintProperties];
    private static readonly string[] RuleProperties = ["js", "message", "fields"];

    public WorkflowInputDefinition? ReadDeclaration(JsonObject obj, string path)
    {
        Check(obj, path, DeclarationProperties, "name");
        var name = Identifier(obj, path, "name");
        var type = Type(obj, path);
        var constraints = ReadConstraints(obj, path, type);
        var defaultValue = obj["default"];
        CheckDefault(defaultValue, type, constraints, $"{path}.default");
        return name is null ? null : new WorkflowInputDefinition
        {
            Name = name,
            Type = type,
            Required = Bool(obj, path, "required") ?? false,
            Default = defaultValue?.DeepClone(),
            Description = Text(obj, path, "description"),
            Constraints = constraints,
        };
    }

    public InputRule? ReadRule(JsonObject obj, string path)
    {
        Check(obj, path, RuleProperties, "js", "message");
        var js = Text(obj, path, "js");
        var message = Text(obj, path, "message");
        if (js is null)
        {
            errors.Add($"{path}.js", "required: a JavaScript condition over input, e.g. \"input.windowEnd > input.windowStart\"");
        }

        if (message is null)
        {
            errors.Add($"{path}.message", "required: what the caller is told when the condition is false");
        }

        var fields = new List<string>();
        switch (obj["fields"])
        {
            case null:
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is JsonValue v && v.TryGetValue<string>(out var field) && field.Length > 0)
                    {
                        fields.Add(field);
                    }
                    else
                    {
                        errors.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.fields[{i}]"), "must be the name of an input");
                    }
                }

                break;
            default:
                errors.Add($"{path}.fields", "must be an array of input names");
                break;
        }

        return js is null || message is null ? null : new InputRule { Js = js, Message = message, Fields = fields };
    }

    private ItemDefinition? ReadItem(JsonNode? node, string path)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(path, "must be an object declaring a type and constraints, e.g. { \"type\": \"string\", \"pattern\": \"^i-\" }");
            return null;
        }

        Check(obj, path, ItemProperties);
        var type = Type(obj, path);
        return new ItemDefinition { Type = type, Constraints = ReadConstraints(obj, path, type), Description = Text(obj, path, "description") };
    }

    private InputConstraints ReadConstraints(JsonObject obj, string path, DataType type)
    {
        if (!ConstraintProperties.Any(obj.ContainsKey))
        {
            return InputConstraints.None;
        }

        var constraints = new InputConstraints
        {
            Enum = ReadEnum(obj, path, type),
            EnumFrom = Text(obj, path, "enumFrom"),
            AllowEmpty = Bool(obj, path, "allowEmpty") ?? false,
            Minimum = ReadBound(obj, path, "minimum", type),
            Maximum = ReadBound(obj, path, "maximum", type),
            Pattern = ReadPattern(obj, path),
            MinLength = Count(obj, path, "minLength"),
            MaxLength = Count(obj, path, "maxLength"),
            MinItems = Count(obj, path, "minItems"),
            MaxItems = Count(obj, path, "maxItems"),
            Format = ReadFormat(obj, path),
            Fields = obj["fields"] is { } fields ? ReadFields(fields, $"{path}.fields") : null,
            Items = obj["items"] is { } items ? ReadItem(items, $"{path}.items") : null,
            Values = obj["values"] is { } values ? ReadItem(values, $"{path}.values") : null,
        };
        CheckApplicable(constraints, obj, path, type);
        return constraints;
    }

    private void CheckApplicable(InputConstraints c, JsonObject obj, string path, DataType type)
    {
        var isString = type is DataType.String or DataType.Any;
        Require(obj, path, "enumFrom", isString, "a string", type);
        Require(obj, path, "pattern", isString, "a string", type);
        Require(obj, path, "minLength", isString, "a string", type);
        Require(obj, path, "maxLength", isString, "a string", type);
        Require(obj, path, "format", isString, "a string", type);
        Require(obj, path, "minimum", type is DataType.Number or DataType.Integer or DataType.Duration, "a number, an integer or a duration", type);
        Require(obj, path, "maximum", type is DataType.Number or DataType.Integer or DataType.Duration, "a number, an integer or a duration", type);
        Require(obj, path, "minItems", type == DataType.Array, "an array", type);
        Require(obj, path, "maxItems", type == DataType.Array, "an array", type);
        Require(obj, path, "items", type == DataType.Array, "an array", type);
        Require(obj, path, "fields", type == DataType.Object, "an object", type);
        Require(obj, path, "values", type == DataType.Object, "an object", type);
        if (c.AllowEmpty && c.EnumFrom is null)
        {
            errors.Add($"{path}.allowEmpty", "only means something with enumFrom");
        }

        if (c.Enum is not null && c.EnumFrom is not null)
        {
            errors.Add($"{path}.enumFrom", "declare either enum or enumFrom, not both");
        }

        if (c.MinLength > c.MaxLength)
        {
            errors.Add($"{path}.minLength", $"{c.MinLength} is more than maxLength {c.MaxLength}");
        }

        if (c.MinItems > c.MaxItems)
        {
            errors.Add($"{path}.minItems", $"{c.MinItems} is more than maxItems {c.MaxItems}");
        }

        if (c.Minimum is not null && c.Maximum is not null && new ValueChecker() is var checker)
        {
            checker.Check(c.Maximum, type, c with { Maximum = null, Enum = null }, "maximum");
            if (checker.Violations.Count > 0)
            {
                errors.Add($"{path}.maximum", $"{ValueChecker.Shown(c.Maximum)} is less than minimum {ValueChecker.Shown(c.Minimum)}");
            }
        }
    }

    private void Require(JsonObject obj, string path, string name, bool applies, string what, DataType type)
    {
        if (obj.ContainsKey(name) && !applies)
        {
            errors.Add($"{path}.{name}", $"applies only to {what}; this is declared {JsonNamingPolicy.CamelCase.ConvertName(type.ToString())}");
        }
    }

    private List<WorkflowInputDefinition>? ReadFields(JsonNode node, string path)
    {
        if (node is not JsonArray array)
        {
            errors.Add(path, "must be an array of field declarations, each like an input: { \"name\", \"type\", \"required\", ... }");
            return null;
        }

        var fields = new List<WorkflowInputDefinition>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]");
            if (array[i] is JsonObject field && ReadDeclaration(field, itemPath) is { } declared)
            {
                if (fields.Any(f => f.Name == declared.Name))
                {
                    errors.Add($"{itemPath}.name", $"field '{declared.Name}' is declared twice");
                }

                fields.Add(declared);
            }
            else if (array[i] is not JsonObject)
            {
                errors.Add(itemPath, "must be an object");
            }
        }

        return fields;
    }

    private List<JsonNode>? ReadEnum(JsonObject obj, string path, DataType type)
    {
        if (obj["enum"] is not { } node)
        {
            return null;
        }

        if (node is not JsonArray { Count: > 0 } array)
        {
            errors.Add($"{path}.enum", "must be a non-empty array of the accepted values");
            return null;
        }

        var values = new List<JsonNode>();
        for (var i = 0; i < array.Count; i++)
        {
            var itemPath = string.Create(CultureInfo.InvariantCulture, $"{path}.enum[{i}]");
            if (array[i] is not { } value)
            {
                errors.Add(itemPath, "must not be null");
            }
            else if (DataTypes.Describe(value, type) is { } problem)
            {
                errors.Add(itemPath, problem);
            }
            else
            {
                values.Add(value.DeepClone());
            }
        }

        return values;
    }

    private JsonNode? ReadBound(JsonObject obj, string path, string name, DataType type)
    {
        if (obj[name] is not { } node)
        {
            return null;
        }

        var fits = type == DataType.Duration
            ? node is JsonValue d && d.TryGetValue<string>(out var text) && Iso8601DurationConverter.TryParse(text, out _)
            : node.GetValueKind() == JsonValueKind.Number;
        if (!fits)
        {
            errors.Add($"{path}.{name}", type == DataType.Duration
                ? "must be an ISO 8601 duration such as PT1S or P30D (the input is a duration)"
                : "must be a number");
            return null;
        }

        return node.DeepClone();
    }

    private string? ReadPattern(JsonObject obj, string path)
    {
        var pattern = Text(obj, path, "pattern");
        if (pattern is null)
        {
            return null;
        }

        try
        {
            _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100));
            return pattern;
        }
        catch (ArgumentException ex)
        {
            errors.Add($"{path}.pattern", $"not a valid regular expression: {ex.Message}");
            return null;
        }
    }

    private ValueFormat? ReadFormat(JsonObject obj, string path)
    {
        var text = Text(obj, path, "format");
        if (text is null)
        {
            return null;
        }

        if (FormatNames.TryParse<ValueFormat>(text, out var format))
        {
            return format;
        }

        errors.Add($"{path}.format", $"'{text}' is not one of: {FormatNames.All<ValueFormat>()}");
        return null;
    }

    private void CheckDefault(JsonNode? value, DataType type, InputConstraints constraints, string path)
    {
        if (value is null)
        {
            return;
        }

        if (DataTypes.Describe(value, type) is { } problem)
        {
            errors.Add(path, problem);
            return;
        }

        var checker = new ValueChecker();
        checker.Check(value, type, constraints, string.Empty);
        foreach (var violation in checker.Violations)
        {
            var at = violation.Path.Length == 0 ? path : violation.Path.StartsWith('[') ? path + violation.Path : $"{path}.{violation.Path}";
            errors.Add(at, $"the default breaks its own declaration: {violation.Message}");
        }
    }

    private DataType Type(JsonObject obj, string path)
    {
        var text = Text(obj, path, "type");
        if (text is null)
        {
            return DataType.Any;
        }

        return FormatNames.TryParse<DataType>(text, out var type) ? type : DataType.Any;
    }

    private void Check(JsonObject obj, string path, string[] known, params string[] required)
    {
        foreach (var (name, value) in obj)
        {
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                errors.Add($"{path}.{name}", $"unknown property (expected one of: {string.Join(", ", known)})");
            }
            else if (value is null && name != "default" && !required.Contains(name, StringComparer.Ordinal))
            {
                // An explicit null would read as the property left out; the file says something it does not mean.
                errors.Add($"{path}.{name}", "must not be null: leave the property out instead");
            }
        }

        if (obj["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var typeText)
            && !FormatNames.TryParse<DataType>(typeText, out _))
        {
            errors.Add($"{path}.type", $"'{typeText}' is not one of: {FormatNames.All<DataType>()}");
        }
    }

    private string? Identifier(JsonObject obj, string path, string name)
    {
        if (!obj.ContainsKey(name))
        {
            errors.Add($"{path}.{name}", "required");
            return null;
        }

        var value = Text(obj, path, name);
        if (value is not null && !IdentifierPattern().IsMatch(value))
        {
            errors.Add($"{path}.{name}", $"'{value}' must start with a letter and hold only letters, digits, '_' and '-'");
            return null;
        }

        if (value is null && obj[name] is null)
        {
            errors.Add($"{path}.{name}", "must be a non-empty string");
        }

        return value;
    }

    private string? Text(JsonObject obj, string path, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
        {
            return text;
        }

        errors.Add($"{path}.{name}", "must be a non-empty string");
        return null;
    }

    private bool? Bool(JsonObject obj, string path, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return node.GetValue<bool>();
        }

        errors.Add($"{path}.{name}", "must be true or false");
        return null;
    }

    private int? Count(JsonObject obj, string path, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && JsonNumbers.TryGetInteger(value, out var number) && number is >= 0 and <= int.MaxValue)
        {
            return (int)number;
        }

        errors.Add($"{path}.{name}", "must be an integer of at least 0");
        return null;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();
}
