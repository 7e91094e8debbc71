using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>A draft as a change_request insert body (string values, UTC dates, numeric risk and impact).</summary>
internal static class ServiceNowDraftWriter
{
    /// <summary>The length of short_description in the base system.</summary>
    private const int ShortDescriptionLength = 160;

    public static JsonObject ToJson(ChangeRequestDraft draft, ServiceNowOptions options)
    {
        var json = new JsonObject
        {
            ["type"] = draft.Type switch
            {
                ChangeType.Standard => "standard",
                ChangeType.Emergency => "emergency",
                _ => "normal",
            },
            ["short_description"] = Truncate(draft.ShortDescription, ShortDescriptionLength),
            ["description"] = Description(draft),
            ["correlation_id"] = draft.CorrelationId,
            ["correlation_display"] = "ChangeOrchestrator",
            ["risk"] = draft.Risk switch
            {
                ChangeRisk.Critical => "1",
                ChangeRisk.High => "2",
                ChangeRisk.Medium => "3",
                _ => "4",
            },
            ["impact"] = draft.Impact switch
            {
                ChangeImpact.High => "1",
                ChangeImpact.Medium => "2",
                _ => "3",
            },
            ["start_date"] = ServiceNowJson.FormatDateTime(draft.PlannedStart),
            ["end_date"] = ServiceNowJson.FormatDateTime(draft.PlannedEnd),
        };
        AddIfSet(json, "assignment_group", draft.AssignmentGroup ?? options.AssignmentGroup);
        AddIfSet(json, "assigned_to", draft.Owner);
        AddIfSet(json, "implementation_plan", draft.ImplementationPlan);
        AddIfSet(json, "backout_plan", draft.BackoutPlan);
        AddIfSet(json, "test_plan", draft.TestPlan);
        if (draft.Type == ChangeType.Standard)
        {
            AddIfSet(json, "std_change_producer_version", options.StandardChangeTemplate);
        }

        return json;
    }

    /// <summary>The free text, then the targets, patches and CVEs as plain-text lists (the field is plain text).</summary>
    public static string Description(ChangeRequestDraft draft)
    {
        var text = new StringBuilder(draft.Description.Trim());
        AppendList(text, "Targets", draft.Targets);
        AppendList(text, "Patches", draft.Patches);
        AppendList(text, "CVEs", draft.Cves);
        return text.ToString();
    }

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        if (text.Length > 0)
        {
            text.Append("\n\n");
        }

        text.Append(title).Append(" (").Append(items.Count).Append("):");
        foreach (var item in items)
        {
            text.Append("\n- ").Append(item);
        }
    }

    private static void AddIfSet(JsonObject json, string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            json[field] = value;
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
