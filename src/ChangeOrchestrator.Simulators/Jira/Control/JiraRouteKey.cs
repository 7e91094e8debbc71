namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>
/// "METHOD /rest/..." for the matched route, the same whether the request came through the site or the gateway URL,
/// so counters and fault rules name endpoints the way the API reference does.
/// </summary>
internal static class JiraRouteKey
{
    public static string Template(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var rest = pattern.IndexOf("/rest/", StringComparison.Ordinal);
        return rest >= 0 ? pattern[rest..] : pattern;
    }

    public static string Of(HttpContext context) => context.Request.Method + " " + Template(context);
}
