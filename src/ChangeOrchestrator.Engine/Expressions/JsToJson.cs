using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Object;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>Turns an expression's result into JSON; functions, symbols and cycles are refused.</summary>
internal static class JsToJson
{
    private const int MaxDepth = 64;

    public static JsonNode? Convert(JsValue value) => Convert(value, 0);

    private static JsonNode? Convert(JsValue value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"Expression result is nested deeper than {MaxDepth} levels (a cycle?).");
        }

        if (value.IsNull() || value.IsUndefined())
        {
            return null;
        }

        if (value.IsBoolean())
        {
            return JsonValue.Create(value.AsBoolean());
        }

        if (value.IsNumber())
        {
            var number = value.AsNumber();
            if (double.IsNaN(number) || double.IsInfinity(number))
            {
                throw new InvalidOperationException($"Expression returned {number.ToString(CultureInfo.InvariantCulture)}, which JSON cannot hold.");
            }

            return number == Math.Floor(number) && Math.Abs(number) < 9e15 ? JsonValue.Create((long)number) : JsonValue.Create(number);
        }

        if (value.IsString())
        {
            return JsonValue.Create(value.AsString());
        }

        if (value.IsDate())
        {
            return JsonValue.Create(DateTimeOffset.FromUnixTimeMilliseconds((long)value.AsDate().DateValue));
        }

        if (value.IsArray())
        {
            var array = value.AsArray();
            var result = new JsonArray();
            for (uint i = 0; i < array.Length; i++)
            {
                result.Add(Convert(array.Get(i), depth + 1));
            }

            return result;
        }

        if (value is ObjectInstance obj && !value.IsCallable() && !value.IsSymbol())
        {
            var result = new JsonObject();
            foreach (var key in obj.GetOwnPropertyKeys())
            {
                if (key.IsString())
                {
                    result[key.AsString()] = Convert(obj.Get(key), depth + 1);
                }
            }

            return result;
        }

        throw new InvalidOperationException($"Expression returned a {value.Type}, which is not a JSON value.");
    }
}
