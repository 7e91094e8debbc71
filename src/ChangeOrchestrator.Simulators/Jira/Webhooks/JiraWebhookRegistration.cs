using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Search;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>The body of an admin webhook registration, validated.</summary>
internal sealed record JiraWebhookRegistration(
    string Name,
    string Url,
    IReadOnlyList<string> Events,
    string Jql,
    JqlQuery? Filter,
    string? Secret,
    bool ExcludeBody,
    bool Enabled)
{
    public const string FilterKey = "issue-related-events-section";

    /// <summary>The registration, or the field errors Jira would answer 400 with.</summary>
    public static (JiraWebhookRegistration? Registration, Dictionary<string, string> Errors) Parse(JsonObject body, JiraSite site, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = JiraJson.String(body, "name");
        var url = JiraJson.String(body, "url");
        var events = body["events"] is JsonArray array ? array.Select(JiraJson.String).OfType<string>().ToList() : [];
        var jql = JiraJson.String(body["filters"] as JsonObject, FilterKey) ?? "";
        if (string.IsNullOrWhiteSpace(name))
        {
            errors["name"] = "The webhook name must not be empty.";
        }

        if (!IsHttpUrl(url))
        {
            errors["url"] = "The webhook URL must be an absolute http or https URL.";
        }

        var unknown = events.Where(e => !JiraIssueEvent.Known.Contains(e)).ToList();
        if (events.Count == 0 || unknown.Count > 0)
        {
            errors["events"] = events.Count == 0 ? "At least one event is required." : $"Unknown events: {string.Join(", ", unknown)}.";
        }

        var filter = TryCompile(jql, site, now, errors);
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var secret = JiraJson.String(body, "secret");
        var registration = new JiraWebhookRegistration(
            name!,
            url!,
            events,
            jql,
            filter,
            string.IsNullOrEmpty(secret) ? null : secret,
            JiraJson.Bool(body["excludeBody"]) ?? false,
            JiraJson.Bool(body["enabled"]) ?? true);
        return (registration, errors);
    }

    public static bool IsHttpUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    public static JqlQuery? TryCompile(string jql, JiraSite site, DateTimeOffset now, Dictionary<string, string> errors)
    {
        if (string.IsNullOrWhiteSpace(jql))
        {
            return null;
        }

        try
        {
            return new JqlEvaluator(site, now).Compile(jql);
        }
        catch (JqlException ex)
        {
            errors["filters"] = ex.Message;
            return null;
        }
    }
}
