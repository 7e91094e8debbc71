using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>Applies planned values to an issue and writes the history entry describing what really changed.</summary>
internal sealed class JiraIssueChanges(JiraSite site)
{
    public List<JiraChangelogItem> Apply(JiraIssue issue, IReadOnlyDictionary<string, JsonNode?> values)
    {
        var items = new List<JiraChangelogItem>();
        foreach (var (id, value) in values)
        {
            var field = site.Fields.Find(id)!;
            var old = issue.Value(id);
            if (JsonNode.DeepEquals(old, value) || (JiraFieldValues.IsEmpty(old) && JiraFieldValues.IsEmpty(value)))
            {
                continue;
            }

            issue.Values[id] = value;
            var (from, fromText) = JiraFieldValues.Describe(field, old, site);
            var (to, toText) = JiraFieldValues.Describe(field, value, site);
            items.Add(new JiraChangelogItem(field.IsCustom ? field.Name : field.Id, field.IsCustom ? "custom" : "jira", field.Id, from, fromText, to, toText));
        }

        return items;
    }

    public JiraChangelogEntry Record(JiraState state, JiraIssue issue, IReadOnlyList<JiraChangelogItem> items, JiraChangeContext context)
    {
        var entry = new JiraChangelogEntry(state.NextChangelogId(), context.Actor.AccountId, context.Now, items);
        issue.Changelog.Add(entry);
        issue.Updated = context.Now;
        return entry;
    }
}
