using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// Writes declarations in the workflow file's own vocabulary (<c>minimum</c>, <c>enumFrom</c>, <c>fields</c>, ...),
/// so the API, the catalogue and the files speak one language to forms and designers.
/// </summary>
public static class ContractJson
{
    public static JsonObject Write(WorkflowInputDefinition input)
    {
        var json = new JsonObject { ["name"] = input.Name, ["type"] = Name(input.Type) };
        if (input.Required)
        {
            json["required"] = true;
        }

        if (input.Default is not null)
        {
            json["default"] = input.Default.DeepClone();
        }

        if (input.Description is not null)
        {
            json["description"] = input.Description;
        }

        WriteConstraints(input.Constraints, json);
        return json;
    }

    public static JsonObject Write(ItemDefinition item)
    {
        var json = new JsonObject { ["type"] = Name(item.Type) };
        if (item.Description is not null)
        {
            json["description"] = item.Description;
        }

        WriteConstraints(item.Constraints, json);
        return json;
    }

    public static JsonObject Write(InputRule rule) => new()
    {
        ["js"] = rule.Js,
        ["message"] = rule.Message,
        ["fields"] = new JsonArray([.. rule.Fields.Select(f => (JsonNode)f)]),
    };

    /// <summary>Adds the constraints that are set to <paramref name="target"/>, named as in workflow files.</summary>
    public static void WriteConstraints(InputConstraints constraints, JsonObject target)
    {
        if (constraints.Enum is { } values)
        {
            target["enum"] = new JsonArray([.. values.Select(v => v.DeepClone())]);
        }

        Set(target, "enumFrom", constraints.EnumFrom);
        if (constraints.AllowEmpty)
        {
            target["allowEmpty"] = true;
        }

        target["minimum"] = constraints.Minimum?.DeepClone();
        target["maximum"] = constraints.Maximum?.DeepClone();
        Set(target, "pattern", constraints.Pattern);
        Set(target, "minLength", constraints.MinLength);
        Set(target, "maxLength", constraints.MaxLength);
        Set(target, "minItems", constraints.MinItems);
        Set(target, "maxItems", constraints.MaxItems);
        Set(target, "format", constraints.Format is { } format ? JsonNamingPolicy.CamelCase.ConvertName(format.ToString()) : null);
        if (constraints.Fields is { } fields)
        {
            target["fields"] = new JsonArray([.. fields.Select(f => (JsonNode)Write(f))]);
        }

        if (constraints.Items is { } items)
        {
            target["items"] = Write(items);
        }

        if (constraints.Values is { } map)
        {
            target["values"] = Write(map);
        }

        foreach (var name in target.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            target.Remove(name);
        }
    }

    public static string Name(DataType type) => JsonNamingPolicy.CamelCase.ConvertName(type.ToString());

    private static void Set(JsonObject target, string name, string? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }

    private static void Set(JsonObject target, string name, int? value)
    {
        if (value is not null)
        {
            target[name] = value;
        }
    }
}
