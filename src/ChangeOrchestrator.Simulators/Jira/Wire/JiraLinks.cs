using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>
/// Absolute URLs as the caller sees the site: <see cref="SiteBase"/> is the site URL; <see cref="ApiBase"/> is the
/// base the request came through (the site, or the <c>/ex/jira/{cloudId}</c> gateway style).
/// </summary>
internal sealed record JiraLinks(string SiteBase, string ApiBase)
{
    public string Api(string path) => ApiBase + path;

    public string Issue(string issueId) => $"{ApiBase}/rest/api/3/issue/{issueId}";

    public string User(string accountId) => $"{ApiBase}/rest/api/3/user?accountId={Uri.EscapeDataString(accountId)}";

    public static JiraLinks From(HttpContext context)
    {
        var request = context.Request;
        var mount = context.GetEndpoint()?.Metadata.GetMetadata<JiraMount>()?.Prefix ?? "";
        var site = $"{request.Scheme}://{request.Host}{request.PathBase}{mount}".TrimEnd('/');
        var api = context.Request.RouteValues.TryGetValue("cloudId", out var cloudId) && cloudId is string id
            ? $"{site}/ex/jira/{id}"
            : site;
        return new JiraLinks(site, api);
    }
}
