using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>
/// Reads the JSON of a workflow file into the model, checking its shape property by property so that each error
/// names the JSON path where it is. Meaning (types, connections, reachability) is checked by <see cref="Publishing.DefinitionValidator"/>.
/// </summary>
internal sealed partial class DefinitionReader(DefinitionErrors errors)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly string[] RootProperties = ["$schema", "id", "version", "name", "description", "inputs", "rules", "variables", "triggers", "start", "cancel", "activities", "connections"];
    private static readonly string[] VariableProperties = ["name", "type", "default"];
    private static readonly string[] TriggerProperties = ["type", "schedule", "timeZone", "kind", "input"];
    private static readonly string[] ActivityProperties = ["id", "type", "name", "inputs", "retry", "timeout", "position"];
    private static readonly string[] RetryProperties = ["attempts", "backoff", "multiplier", "maxBackoff"];
    private static readonly string[] ConnectionProperties = ["from", "outcome", "to"];

    public WorkflowDefinition? Read(string json)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException ex)
        {
            errors.Add("$", $"not valid JSON (line {(ex.LineNumber ?? 0) + 1}, column {(ex.BytePositionInLine ?? 0) + 1}): {FirstSentence(ex.Message)}");
            return null;
        }

        if (root is not JsonObject obj)
        {
            errors.Add("$", "a workflow must be a JSON object");
            return null;
        }

        CheckProperties(obj, "$", RootProperties, "id", "name", "activities");
        OptionalString(obj, "$", "$schema");
        var id = RequiredString(obj, "$", "id");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            errors.Add("$.id", $"'{id}' must be lower-case letters, digits and dashes, starting with a letter or digit");
        }

        var definition = new WorkflowDefinition
        {
            Id = id ?? string.Empty,
            Version = OptionalInt(obj, "$", "version", minimum: 1) ?? 1,
            Name = RequiredString(obj, "$", "name") ?? string.Empty,
            Description = OptionalString(obj, "$", "description"),
            Inputs = ReadArray(obj, "$", "inputs", new ContractReader(errors).ReadDeclaration),
            Rules = ReadArray(obj, "$", "rules", new ContractReader(errors).ReadRule),
            Variables = ReadArray(obj, "$", "variables", ReadVariable),
            Triggers = ReadArray(obj, "$", "triggers", ReadTrigger),
            Start = OptionalString(obj, "$", "start"),
            Cancel = OptionalString(obj, "$", "cancel"),
            Activities = ReadArray(obj, "$", "activities", ReadActivity, required: true),
            Connections = ReadArray(obj, "$", "connections", ReadConnection),
        };
        return errors.Any ? null : definition;
    }

    private VariableDefinition? ReadVariable(JsonObject obj, string path)
    {
        CheckProperties(obj, path, VariableProperties, "name");
        var name = RequiredIdentifier(obj, path, "name");
        var type = OptionalEnum<DataType>(obj, path, "type") ?? DataType.Any;
        var defaultValue = obj["default"];
        if (DataTypes.Describe(defaultValue, type) is { } problem)
        {
            errors.Add($"{path}.default", problem);
        }

        return name is null ? null : new VariableDefinition { Name = name, Type = type, Default = defaultValue?.DeepClone() };
    }

    private TriggerDefinition? ReadTrigger(JsonObject obj, string path)
    {
        CheckProperties(obj, path, TriggerProperties);
        var type = OptionalEnum<TriggerType>(obj, path, "type");
        if (type is null)
        {
            if (!obj.ContainsKey("type"))
            {
                errors.Add($"{path}.type", "required (cron, event or webhook)");
            }

            return null;
        }

        var input = obj["input"];
        if (input is not null and not JsonObject)
        {
            errors.Add($"{path}.input", "must be an object");
        }

        return new TriggerDefinition
        {
            Type = type.Value,
            Schedule = OptionalString(obj, path, "schedule"),
            TimeZone = OptionalString(obj, path, "timeZone"),
            Kind = OptionalString(obj, path, "kind"),
            Input = (input as JsonObject)?.DeepClone().AsObject(),
        };
    }

    private ActivityNode? ReadActivity(JsonObject obj, string path)
    {
        CheckProperties(obj, path, ActivityProperties, "id", "type");
        var id = RequiredIdentifier(obj, path, "id");
        var type = RequiredString(obj, path, "type");
        var inputs = new Dictionary<string, InputValue>(StringComparer.Ordinal);
        switch (obj["inputs"])
        {
            case null:
                break;
            case JsonObject inputObject:
                foreach (var (name, value) in inputObject)
                {
                    if (ReadInputValue(value, $"{path}.inputs.{name}") is { } input)
                    {
                        inputs[name] = input;
                    }
                }

                break;
            default:
                errors.Add($"{path}.inputs", "must be an object of input name to value");
                break;
        }

        return id is null || type is null ? null : new ActivityNode
        {
            Id = id,
            Type = type,
            Name = OptionalString(obj, path, "name"),
            Inputs = inputs,
            Retry = obj["retry"] is { } retry ? ReadRetry(retry, $"{path}.retry") : null,
            Timeout = OptionalDuration(obj, path, "timeout"),
            Position = obj["position"] is { } position ? ReadPosition(position, $"{path}.position") : null,
        };
    }

    private InputValue? ReadInputValue(JsonNode? value, string path)
    {
        if (value is JsonObject obj && obj.ContainsKey("js"))
        {
            if (obj.Count != 1 || obj["js"] is not JsonValue js || !js.TryGetValue<string>(out var expression) || string.IsNullOrWhiteSpace(expression))
            {
                errors.Add(path, "an expression is written {\"js\": \"<JavaScript expression>\"} with nothing else in the object");
                return null;
            }

            return InputValue.FromExpression(expression);
        }

        return InputValue.FromLiteral(value);
    }

    private RetryPolicy? ReadRetry(JsonNode node, string path)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(path, "must be an object {attempts, backoff, multiplier, maxBackoff}");
            return null;
        }

        CheckProperties(obj, path, RetryProperties);
        var defaults = new RetryPolicy();
        var multiplier = OptionalNumber(obj, path, "multiplier");
        if (multiplier is < 1)
        {
            errors.Add($"{path}.multiplier", "must be at least 1");
        }

        return new RetryPolicy
        {
            Attempts = OptionalInt(obj, path, "attempts", minimum: 1) ?? defaults.Attempts,
            Backoff = OptionalDuration(obj, path, "backoff") ?? defaults.Backoff,
            Multiplier = multiplier ?? defaults.Multiplier,
            MaxBackoff = OptionalDuration(obj, path, "maxBackoff"),
        };
    }

    private DesignerPosition? ReadPosition(JsonNode node, string path)
    {
        if (node is JsonObject obj && obj["x"] is JsonValue x && x.TryGetValue<double>(out var xv) && obj["y"] is JsonValue y && y.TryGetValue<double>(out var yv) && obj.Count == 2)
        {
            return new DesignerPosition(xv, yv);
        }

        errors.Add(path, "must be {\"x\": number, \"y\": number}");
        return null;
    }

    private ConnectionDefinition? ReadConnection(JsonObject obj, string path)
    {
        CheckProperties(obj, path, ConnectionProperties, "from", "to");
        var from = RequiredString(obj, path, "from");
        var to = RequiredString(obj, path, "to");
        var outcome = OptionalString(obj, path, "outcome") ?? ConnectionDefinition.DefaultOutcome;
        return from is null || to is null ? null : new ConnectionDefinition(from, outcome, to);
    }

    private List<T> ReadArray<T>(JsonObject obj, string path, string name, Func<JsonObject, string, T?> read, bool required = false)
        where T : class
    {
        var result = new List<T>();
        switch (obj[name])
        {
            case null when required:
                errors.Add($"{path}.{name}", "required");
                break;
            case null:
                break;
            case JsonArray array:
                if (required && array.Count == 0)
                {
                    errors.Add($"{path}.{name}", "must not be empty");
                }

                for (var i = 0; i < array.Count; i++)
                {
                    var itemPath = $"{path}.{name}[{i}]";
                    if (array[i] is JsonObject item)
                    {
                        if (read(item, itemPath) is { } value)
                        {
                            result.Add(value);
                        }
                    }
                    else
                    {
                        errors.Add(itemPath, "must be an object");
                    }
                }

                break;
            default:
                errors.Add($"{path}.{name}", "must be an array");
                break;
        }

        return result;
    }

    private void CheckProperties(JsonObject obj, string path, string[] known, params string[] required)
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
    }

    private string? RequiredString(JsonObject obj, string path, string name)
    {
        if (!obj.ContainsKey(name))
        {
            errors.Add($"{path}.{name}", "required");
            return null;
        }

        // An explicit null is as missing as an absent property, not an optional value left out.
        if (obj[name] is null)
        {
            errors.Add($"{path}.{name}", "must be a non-empty string");
            return null;
        }

        return OptionalString(obj, path, name);
    }

    private string? RequiredIdentifier(JsonObject obj, string path, string name)
    {
        var value = RequiredString(obj, path, name);
        if (value is not null && !IdentifierPattern().IsMatch(value))
        {
            errors.Add($"{path}.{name}", $"'{value}' must start with a letter and hold only letters, digits, '_' and '-'");
            return null;
        }

        return value;
    }

    private string? OptionalString(JsonObject obj, string path, string name)
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

    private int? OptionalInt(JsonObject obj, string path, string name, int minimum)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<int>(out var number) && number >= minimum)
        {
            return number;
        }

        errors.Add($"{path}.{name}", $"must be an integer of at least {minimum}");
        return null;
    }

    private double? OptionalNumber(JsonObject obj, string path, string name)
    {
        var node = obj[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<double>(out var number))
        {
            return number;
        }

        errors.Add($"{path}.{name}", "must be a number");
        return null;
    }

    private TimeSpan? OptionalDuration(JsonObject obj, string path, string name)
    {
        var text = OptionalString(obj, path, name);
        if (text is null)
        {
            return null;
        }

        if (Iso8601DurationConverter.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        errors.Add($"{path}.{name}", $"'{text}' is not a positive ISO 8601 duration such as PT30S, PT15M or P3D");
        return null;
    }

    private TEnum? OptionalEnum<TEnum>(JsonObject obj, string path, string name)
        where TEnum : struct, Enum
    {
        var text = OptionalString(obj, path, name);
        if (text is null)
        {
            return null;
        }

        if (FormatNames.TryParse<TEnum>(text, out var value))
        {
            return value;
        }

        errors.Add($"{path}.{name}", $"'{text}' is not one of: {FormatNames.All<TEnum>()}");
        return null;
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end > 0 ? message[..end] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]*$")]
    private static partial Regex IdentifierPattern();
}
