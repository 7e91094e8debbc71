using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Search;

/// <summary>Resolves JQL field references (system names, aliases, cf[N], custom field names, issue.property[key].path).</summary>
internal static partial class JqlFields
{
    public static JqlField? Resolve(string name, JiraSite site)
    {
        if (PropertyReference().Match(name) is { Success: true } property)
        {
            var key = property.Groups[1].Value;
            var path = property.Groups[2].Success ? property.Groups[2].Value.Split('.') : [];
            return new JqlField(name, JqlFieldType.Exact, issue => PropertyValues(issue.Properties.GetValueOrDefault(key), path));
        }

        switch (name.ToLowerInvariant())
        {
            case "project":
                var project = site.Project;
                return new JqlField("project", JqlFieldType.Exact, _ => [project.Id, project.Key, project.Name], [project.Id, project.Key, project.Name]);
            case "issuetype" or "type":
                return new JqlField("issuetype", JqlFieldType.Exact, i => [i.IssueType.Id, i.IssueType.Name], site.IssueTypes.SelectMany(t => new[] { t.Id, t.Name }).ToList());
            case "status":
                return new JqlField("status", JqlFieldType.Exact, i => [i.Status.Id, i.Status.Name], site.Workflow.Statuses.SelectMany(s => new[] { s.Id, s.Name }).ToList());
            case "statuscategory":
                return new JqlField("statusCategory", JqlFieldType.Exact, i => [i.Status.Category.Key, i.Status.Category.Name, i.Status.Category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            case "key" or "issuekey" or "issue" or "id":
                return new JqlField("key", JqlFieldType.Exact, i => [i.Key, i.Id]);
            case "reporter":
                return new JqlField("reporter", JqlFieldType.Exact, i => [i.ReporterAccountId]);
            case "resolution":
                return new JqlField("resolution", JqlFieldType.Exact, i => i.Resolution is { } r ? [r.Id, r.Name] : [], EmptyAlias: "Unresolved");
            case "created" or "createddate":
                return new JqlField("created", JqlFieldType.Date, i => [JiraDates.Format(i.Created)]);
            case "updated" or "updateddate":
                return new JqlField("updated", JqlFieldType.Date, i => [JiraDates.Format(i.Updated)]);
            case "resolutiondate" or "resolved":
                return new JqlField("resolutiondate", JqlFieldType.Date, i => i.ResolutionDate is { } d ? [JiraDates.Format(d)] : []);
            case "comment":
                return new JqlField("comment", JqlFieldType.Text, i => i.Comments.Select(c => AdfDocument.ToPlainText(c.Body)).ToList());
            case "text":
                return new JqlField("text", JqlFieldType.Text, i => AllText(i, site));
        }

        var field = site.Fields.FindByClause(name);
        if (field is null || field.Kind == JiraFieldKind.System)
        {
            return null;
        }

        var type = field.Kind switch
        {
            JiraFieldKind.Text or JiraFieldKind.Document => JqlFieldType.Text,
            JiraFieldKind.DateTime => JqlFieldType.Date,
            _ => JqlFieldType.Exact,
        };
        return new JqlField(field.Id, type, i => JiraFieldValues.SearchValues(field, i.Value(field.Id)));
    }

    private static List<string> AllText(JiraIssue issue, JiraSite site)
    {
        var text = site.Fields.For(issue.IssueType)
            .Where(f => f.Kind is JiraFieldKind.Text or JiraFieldKind.Document)
            .SelectMany(f => JiraFieldValues.SearchValues(f, issue.Value(f.Id)))
            .ToList();
        text.AddRange(issue.Comments.Select(c => AdfDocument.ToPlainText(c.Body)));
        return text;
    }

    private static List<string> PropertyValues(JsonNode? node, string[] path)
    {
        foreach (var segment in path)
        {
            node = node is JsonObject json ? json[segment] : null;
        }

        return node switch
        {
            JsonArray array => array.Select(JiraJson.String).OfType<string>().ToList(),
            JsonValue value => value.ToString() is { } text ? [text] : [],
            _ => [],
        };
    }

    [GeneratedRegex(@"^issue\.property\[(.+?)\](?:\.(.+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex PropertyReference();
}
