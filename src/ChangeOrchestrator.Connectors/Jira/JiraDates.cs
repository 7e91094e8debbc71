using System.Globalization;

namespace ChangeOrchestrator.Connectors.Jira;

internal static class JiraDates
{
    /// <summary>Jira's date-time input format, 2025-03-01T22:00:00.000+0000.</summary>
    public static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
}
