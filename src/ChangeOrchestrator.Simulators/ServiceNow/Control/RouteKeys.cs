namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>
/// Names a request by method and route with the table filled in, e.g. "PATCH /api/now/table/change_request/{sys_id}",
/// so counts and faults can target one operation without knowing record ids.
/// </summary>
internal static class RouteKeys
{
    private const string ItemKey = "ServiceNow.RouteKey";

    public static string Of(HttpContext context, string mountPath)
    {
        if (context.Items[ItemKey] is string known)
        {
            return known;
        }

        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "";
        var route = "/" + pattern.TrimStart('/');
        var mount = "/" + mountPath.Trim('/');
        if (route.StartsWith(mount, StringComparison.OrdinalIgnoreCase))
        {
            route = route[mount.Length..];
        }

        foreach (var name in new[] { "table", "version" })
        {
            if (context.Request.RouteValues.TryGetValue(name, out var value) && value is string text)
            {
                route = route.Replace("{" + name + "}", text, StringComparison.Ordinal);
            }
        }

        route = route.Replace("{**rest}", (context.Request.RouteValues["rest"] as string) ?? "", StringComparison.Ordinal);
        var key = context.Request.Method + " " + route;
        context.Items[ItemKey] = key;
        return key;
    }
}
