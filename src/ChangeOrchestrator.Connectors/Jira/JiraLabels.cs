namespace ChangeOrchestrator.Connectors.Jira;

internal static class JiraLabels
{
    /// <summary>Jira refuses labels with spaces and caps their length; an instance id always fits.</summary>
    public static bool IsValid(string value) => value.Length is > 0 and <= 255 && !value.Any(char.IsWhiteSpace);
}
