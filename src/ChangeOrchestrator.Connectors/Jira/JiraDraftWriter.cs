using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>A draft as a create-issue body: fields under the site's ids, ADF text, the correlation label and property.</summary>
internal static class JiraDraftWriter
{
    /// <summary>Jira's limit on a summary.</summary>
    private const int SummaryLength = 255;

    public static JsonObject ToCreateBody(ChangeRequestDraft draft, JiraSite site, JiraOptions options)
    {
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = options.ProjectKey },
            ["issuetype"] = new JsonObject { ["id"] = site.IssueTypeId },
            ["summary"] = draft.ShortDescription.Length <= SummaryLength ? draft.ShortDescription : draft.ShortDescription[..(SummaryLength - 1)] + "…",
            ["description"] = JiraAdf.Doc(Description(draft, site)),
            ["labels"] = new JsonArray(JiraCorrelation.Label(draft.CorrelationId)),
            [site.ChangeTypeField] = Option(options.ChangeTypeValues[draft.Type]),
        };
        Set(fields, site.RiskField, Option(options.RiskValues[draft.Risk]));
        Set(fields, site.ImpactField, Option(options.ImpactValues[draft.Impact]));
        Set(fields, site.PlannedStartField, JiraDates.Format(draft.PlannedStart));
        Set(fields, site.PlannedEndField, JiraDates.Format(draft.PlannedEnd));
        SetText(fields, site.ImplementationPlanField, draft.ImplementationPlan);
        SetText(fields, site.BackoutPlanField, draft.BackoutPlan);
        SetText(fields, site.TestPlanField, draft.TestPlan);
        if (!string.IsNullOrWhiteSpace(draft.Owner))
        {
            fields["assignee"] = new JsonObject { ["accountId"] = draft.Owner };
        }

        return new JsonObject
        {
            ["fields"] = fields,
            ["properties"] = new JsonArray(new JsonObject { ["key"] = JiraCorrelation.PropertyKey, ["value"] = JiraCorrelation.Property(draft.CorrelationId) }),
        };
    }

    /// <summary>The text, the lists, and the plans the site has no field for (JSM does not guarantee plan fields).</summary>
    private static IEnumerable<JsonObject> Description(ChangeRequestDraft draft, JiraSite site)
    {
        var blocks = new List<JsonObject>();
        if (draft.Description.Trim().Length > 0)
        {
            blocks.AddRange(JiraAdf.Paragraphs(draft.Description.Trim()));
        }

        AddList(blocks, "Targets", draft.Targets);
        AddList(blocks, "Patches", draft.Patches);
        AddList(blocks, "CVEs", draft.Cves);
        AddSection(blocks, "Implementation plan", site.ImplementationPlanField is null ? draft.ImplementationPlan : "");
        AddSection(blocks, "Backout plan", site.BackoutPlanField is null ? draft.BackoutPlan : "");
        AddSection(blocks, "Test plan", site.TestPlanField is null ? draft.TestPlan : "");
        if (!string.IsNullOrWhiteSpace(draft.AssignmentGroup))
        {
            AddSection(blocks, "Assignment group", draft.AssignmentGroup);
        }

        return blocks.Count > 0 ? blocks : JiraAdf.Paragraphs(draft.ShortDescription);
    }

    private static void AddList(List<JsonObject> blocks, string title, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            blocks.Add(JiraAdf.Heading($"{title} ({items.Count})"));
            blocks.Add(JiraAdf.BulletList(items));
        }
    }

    private static void AddSection(List<JsonObject> blocks, string title, string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            blocks.Add(JiraAdf.Heading(title));
            blocks.AddRange(JiraAdf.Paragraphs(text.Trim()));
        }
    }

    private static JsonObject Option(string value) => new() { ["value"] = value };

    private static void Set(JsonObject fields, string? id, JsonNode value)
    {
        if (id is not null)
        {
            fields[id] = value;
        }
    }

    private static void SetText(JsonObject fields, string? id, string text)
    {
        if (id is not null && !string.IsNullOrWhiteSpace(text))
        {
            fields[id] = JiraAdf.Doc(text.Trim());
        }
    }
}
