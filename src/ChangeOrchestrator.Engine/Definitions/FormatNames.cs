using System.Text.Json;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>
/// The names the workflow format uses for enumerations: the camel-cased member names, matched exactly as the
/// published schema matches them, so a file the loader accepts is one every schema-aware editor accepts too.
/// </summary>
internal static class FormatNames
{
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static string All<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(Of));

    private static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
