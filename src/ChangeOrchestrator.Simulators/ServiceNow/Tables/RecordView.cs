namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>How a response shows records: which fields, which value shape, whether references carry links.</summary>
internal sealed record RecordView(string InstanceUrl, IReadOnlyList<string>? Fields, DisplayValueMode Mode, bool ExcludeReferenceLink)
{
    public static RecordView From(HttpRequest request, string instanceUrl)
    {
        var query = request.Query;
        var fields = query["sysparm_fields"].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var mode = query["sysparm_display_value"].ToString().ToLowerInvariant() switch
        {
            "true" => DisplayValueMode.Display,
            "all" => DisplayValueMode.All,
            _ => DisplayValueMode.Raw,
        };
        var excludeLink = string.Equals(query["sysparm_exclude_reference_link"], "true", StringComparison.OrdinalIgnoreCase);
        return new RecordView(instanceUrl, fields.Length > 0 ? fields : null, mode, excludeLink);
    }
}
