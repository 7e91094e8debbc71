namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>The REST API a path belongs to, as rate-limit messages name it.</summary>
internal static class ApiNames
{
    public static string Of(PathString path)
    {
        var value = path.Value ?? "";
        if (value.Contains("/api/now/attachment", StringComparison.OrdinalIgnoreCase))
        {
            return "Attachment API";
        }

        return value.Contains("/api/sn_chg_rest", StringComparison.OrdinalIgnoreCase) ? "Change Management API" : "Table API";
    }
}
