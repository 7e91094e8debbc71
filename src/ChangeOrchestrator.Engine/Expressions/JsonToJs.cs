using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using Jint.Native;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>Copies JSON into fresh JavaScript values, so an expression never holds a reference into workflow state.</summary>
internal static class JsonToJs
{
    /// <summary>A JavaScript object of the given properties, e.g. the step outputs an expression names.</summary>
    public static JsValue Object(Jint.Engine engine, IEnumerable<KeyValuePair<string, JsonNode?>> properties)
    {
        var target = new JsObject(engine);
        foreach (var (name, value) in properties)
        {
            target.FastSetDataProperty(name, Convert(engine, value));
        }

        return target;
    }

    public static JsValue Convert(Jint.Engine engine, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return JsValue.Null;
            case JsonObject obj:
                return Object(engine, obj);
            case JsonArray array:
                var items = new JsValue[array.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Convert(engine, array[i]);
                }

                return new JsArray(engine, items);
            case JsonValue value:
                return value.GetValueKind() switch
                {
                    JsonValueKind.String => new JsString(Text(value)),
                    JsonValueKind.Number => new JsNumber(JsonNumbers.TryGetDouble(value, out var number) ? number : double.NaN),
                    JsonValueKind.True => JsBoolean.True,
                    JsonValueKind.False => JsBoolean.False,
                    _ => JsValue.Null,
                };
            default:
                return JsValue.Undefined;
        }
    }

    /// <summary>
    /// A string value as JavaScript sees it. Values built in .NET (a bound dateTime input, a DateTimeOffset output)
    /// hold the CLR value rather than text, so they are read through their JSON form.
    /// </summary>
    private static string Text(JsonValue value) =>
        value.TryGetValue<string>(out var text) ? text : JsonSerializer.Deserialize<string>(value.ToJsonString())!;
}
