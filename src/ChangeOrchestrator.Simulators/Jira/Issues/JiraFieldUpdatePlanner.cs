using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>
/// Validates the <c>fields</c> and <c>update</c> parts of a create, edit or transition and works out the values they
/// set, collecting Jira's per-field error messages; nothing is changed until the whole request is known to be valid.
/// </summary>
internal sealed class JiraFieldUpdatePlanner(JiraSite site)
{
    public static string NotOnScreen(string fieldId) => $"Field '{fieldId}' cannot be set. It is not on the appropriate screen, or unknown.";

    public static string RequiredMessage(JiraFieldDefinition field) =>
        field.Id == JiraSystemFields.Summary ? "You must specify a summary of the issue." : $"{field.Name} is required.";

    /// <summary>
    /// <paramref name="onScreen"/> says whether a writable field may be set by this operation (the create, edit or
    /// transition screen); <paramref name="skip"/> names fields the caller handles itself (project, issuetype, resolution).
    /// </summary>
    public JiraFieldPlan Plan(
        JiraIssueType issueType,
        JiraIssue? existing,
        JsonObject? fields,
        JsonObject? update,
        Func<JiraFieldDefinition, bool> onScreen,
        IReadOnlySet<string> skip,
        Dictionary<string, string> errors)
    {
        var plan = new JiraFieldPlan(new Dictionary<string, JsonNode?>(StringComparer.Ordinal), []);
        var available = site.Fields.For(issueType).ToDictionary(f => f.Id, StringComparer.Ordinal);
        foreach (var (id, value) in fields ?? [])
        {
            if (skip.Contains(id))
            {
                continue;
            }

            if (update?.ContainsKey(id) == true)
            {
                errors[id] = $"Field '{id}' cannot be set using both fields and update.";
                continue;
            }

            if (Writable(id, available, onScreen, errors) is { } field)
            {
                SetParsed(field, value, plan, errors);
            }
        }

        foreach (var (id, operations) in update ?? [])
        {
            if (skip.Contains(id))
            {
                continue;
            }

            if (id == JiraSystemFields.Comment)
            {
                PlanComments(operations, plan, errors);
            }
            else if (Writable(id, available, onScreen, errors) is { } field)
            {
                PlanOperations(field, existing, operations, plan, errors);
            }
        }

        foreach (var (id, value) in plan.Values)
        {
            if (available[id].Required && JiraFieldValues.IsEmpty(value))
            {
                errors[id] = RequiredMessage(available[id]);
            }
        }

        return plan;
    }

    private static JiraFieldDefinition? Writable(
        string id,
        Dictionary<string, JiraFieldDefinition> available,
        Func<JiraFieldDefinition, bool> onScreen,
        Dictionary<string, string> errors)
    {
        if (available.TryGetValue(id, out var field) && field.IsWritable && onScreen(field))
        {
            return field;
        }

        errors[id] = NotOnScreen(id);
        return null;
    }

    private void SetParsed(JiraFieldDefinition field, JsonNode? value, JiraFieldPlan plan, Dictionary<string, string> errors)
    {
        var write = JiraFieldValues.Parse(field, value, site);
        if (write.Error is not null)
        {
            errors[field.Id] = write.Error;
        }
        else
        {
            plan.Values[field.Id] = write.Stored;
        }
    }

    private void PlanOperations(JiraFieldDefinition field, JiraIssue? existing, JsonNode? operations, JiraFieldPlan plan, Dictionary<string, string> errors)
    {
        if (operations is not JsonArray list)
        {
            errors[field.Id] = "Operation value must be an array of operations.";
            return;
        }

        foreach (var operation in list)
        {
            if (operation is not JsonObject op || op.Count != 1)
            {
                errors[field.Id] = "Each operation must be an object with exactly one of set, add, remove.";
                return;
            }

            var (verb, value) = op.First();
            if (verb == "set")
            {
                SetParsed(field, value, plan, errors);
                continue;
            }

            if (verb is not ("add" or "remove") || field.Kind is not (JiraFieldKind.Labels or JiraFieldKind.Users))
            {
                errors[field.Id] = $"Field '{field.Id}' does not support the '{verb}' operation.";
                return;
            }

            var current = JiraFieldValues.Ids(plan.Values.TryGetValue(field.Id, out var planned) ? planned : existing?.Value(field.Id));
            var item = field.Kind == JiraFieldKind.Users ? JiraJson.String(value as JsonObject, "accountId") : JiraJson.String(value);
            if (item is null || (field.Kind == JiraFieldKind.Users && verb == "add" && site.FindAccount(item) is null))
            {
                errors[field.Id] = field.Kind == JiraFieldKind.Users ? $"The user '{item}' does not exist." : "Operation value must be a string";
                return;
            }

            if (verb == "add" && !current.Contains(item, StringComparer.Ordinal))
            {
                current.Add(item);
            }
            else if (verb == "remove")
            {
                current.Remove(item);
            }

            var write = JiraFieldValues.Parse(field, field.Kind == JiraFieldKind.Users
                ? JiraJson.Array(current.Select(id => (JsonNode?)new JsonObject { ["accountId"] = id }))
                : JiraJson.Strings(current), site);
            if (write.Error is not null)
            {
                errors[field.Id] = write.Error;
                return;
            }

            plan.Values[field.Id] = write.Stored;
        }
    }

    private static void PlanComments(JsonNode? operations, JiraFieldPlan plan, Dictionary<string, string> errors)
    {
        if (operations is not JsonArray list)
        {
            errors[JiraSystemFields.Comment] = "Operation value must be an array of operations.";
            return;
        }

        foreach (var operation in list)
        {
            var body = (operation as JsonObject)?["add"] is JsonObject add ? add["body"] : null;
            if (!AdfDocument.IsValid(body))
            {
                errors[JiraSystemFields.Comment] = AdfDocument.InvalidMessage;
                return;
            }

            plan.Comments.Add(body!.DeepClone());
        }
    }
}
