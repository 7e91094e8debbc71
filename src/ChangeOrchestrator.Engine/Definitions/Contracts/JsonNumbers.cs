using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// Reads numbers from JSON values whether they were parsed from text or created from .NET numbers
/// (GetValue only converts the former).
/// </summary>
public static class JsonNumbers
{
    public static bool TryGetDouble(JsonValue value, out double number)
    {
        if (value.TryGetValue(out number))
        {
            return true;
        }

        if (value.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number)
        {
            number = element.GetDouble();
            return true;
        }

        (var ok, number) = value.TryGetValue<long>(out var l) ? (true, l)
            : value.TryGetValue<int>(out var i) ? (true, i)
            : value.TryGetValue<decimal>(out var m) ? (true, (double)m)
            : value.TryGetValue<float>(out var f) ? (true, f)
            : (false, 0d);
        return ok;
    }

    public static bool TryGetInteger(JsonValue value, out long integer)
    {
        integer = 0;
        if (!TryGetDouble(value, out var number) || number != Math.Floor(number) || Math.Abs(number) > 9e15)
        {
            return false;
        }

        integer = (long)number;
        return true;
    }
}
