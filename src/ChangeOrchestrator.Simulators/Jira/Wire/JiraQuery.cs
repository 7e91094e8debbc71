using Microsoft.Extensions.Primitives;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

internal static class JiraQuery
{
    /// <summary>A comma-separated (or repeated) query parameter as a set.</summary>
    public static HashSet<string> List(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .ToHashSet(StringComparer.Ordinal);

    public static int Int(StringValues values, int fallback, int min, int max) =>
        int.TryParse(values.ToString(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? Math.Clamp(value, min, max)
            : fallback;
}
