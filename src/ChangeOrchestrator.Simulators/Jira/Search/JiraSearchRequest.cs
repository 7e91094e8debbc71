using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>The parameters of an enhanced JQL search, from the query string (GET) or the body (POST).</summary>
internal sealed record JiraSearchRequest(
    string Jql,
    int Offset,
    int MaxResults,
    JiraFieldSelection Fields,
    IReadOnlySet<string> Expand,
    IReadOnlySet<string> Properties)
{
    public const int DefaultMaxResults = 50;

    public static (JiraSearchRequest? Request, string? Error) FromQuery(IQueryCollection query) =>
        Create(
            query["jql"].ToString(),
            query["nextPageToken"].ToString(),
            JiraQuery.Int(query["maxResults"], DefaultMaxResults, 0, 5000),
            JiraFieldSelection.Parse(query["fields"], JiraFieldSelection.None),
            JiraQuery.List(query["expand"]),
            JiraQuery.List(query["properties"]));

    public static (JiraSearchRequest? Request, string? Error) FromBody(JsonObject body)
    {
        var fields = body["fields"] is JsonArray array ? array.Select(JiraJson.String).ToList() : [];
        var expand = JiraJson.String(body, "expand") ?? "";
        var properties = body["properties"] is JsonArray props ? props.Select(JiraJson.String).OfType<string>().ToHashSet(StringComparer.Ordinal) : [];
        return Create(
            JiraJson.String(body, "jql") ?? "",
            JiraJson.String(body, "nextPageToken") ?? "",
            Math.Clamp(JiraJson.Int(body["maxResults"]) ?? DefaultMaxResults, 0, 5000),
            JiraFieldSelection.Parse(fields, JiraFieldSelection.None),
            JiraQuery.List(expand),
            properties);
    }

    /// <summary>The opaque token of the page after this one.</summary>
    public static string TokenFor(int offset) => Convert.ToBase64String(Encoding.UTF8.GetBytes("offset:" + offset.ToString(CultureInfo.InvariantCulture)));

    private static (JiraSearchRequest?, string?) Create(string jql, string token, int maxResults, JiraFieldSelection fields, IReadOnlySet<string> expand, IReadOnlySet<string> properties)
    {
        var offset = 0;
        if (token.Length > 0 && !TryReadToken(token, out offset))
        {
            return (null, "The nextPageToken is not valid.");
        }

        return (new JiraSearchRequest(jql, offset, maxResults, fields, expand, properties), null);
    }

    private static bool TryReadToken(string token, out int offset)
    {
        offset = 0;
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            return text.StartsWith("offset:", StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out offset);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
