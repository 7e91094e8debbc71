using System.Globalization;

namespace ChangeOrchestrator.Web.Formatting;

/// <summary>How the console writes instants and desk names, the same on every page.</summary>
public static class ConsoleText
{
    public static string DeskName(string? desk) => desk?.ToLowerInvariant() switch
    {
        "servicenow" => "ServiceNow",
        "jira" => "Jira Service Management",
        null or "" => "the service desk",
        _ => desk,
    };

    public static string Time(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
