using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Auth;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Fields;
using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.State;
using ChangeOrchestrator.Simulators.Jira.Transitions;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Jira.Wire;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary><c>POST /rest/api/3/issue</c>: validation with per-field errors, then the issue, its event and an optional first transition.</summary>
internal sealed class JiraIssueCreator(
    JiraSite site,
    JiraStore store,
    JiraFieldUpdatePlanner planner,
    JiraCommentWriter comments,
    JiraTransitionRunner runner,
    JiraWebhookPublisher publisher)
{
    private static readonly IReadOnlySet<string> HandledHere = new HashSet<string>(StringComparer.Ordinal) { JiraSystemFields.Project, JiraSystemFields.IssueType };

    public IResult Create(JsonObject body, JiraChangeContext context)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var messages = new List<string>();
        var fields = body["fields"] as JsonObject;
        var update = body["update"] as JsonObject;
        var issueType = ResolveProjectAndType(fields, errors);
        JiraFieldPlan? plan = null;
        if (issueType is not null)
        {
            plan = planner.Plan(issueType, null, fields, update, _ => true, HandledHere, errors);
            foreach (var field in site.Fields.For(issueType).Where(f => f.Required && f.IsWritable && !plan.Values.ContainsKey(f.Id)))
            {
                errors.TryAdd(field.Id, JiraFieldUpdatePlanner.RequiredMessage(field));
            }
        }

        var properties = ParseProperties(body["properties"], messages);
        var transitionId = JiraJson.String(body["transition"] as JsonObject, "id");
        if (errors.Count > 0 || messages.Count > 0 || plan is null)
        {
            return JiraErrors.Collection(StatusCodes.Status400BadRequest, messages, errors);
        }

        return store.Use(state =>
        {
            var (id, number) = state.NextIssue();
            var issue = new JiraIssue
            {
                Id = id,
                Number = number,
                Key = $"{site.Project.Key}-{number}",
                IssueType = issueType!,
                Status = site.Workflow.Initial,
                ReporterAccountId = context.Actor.AccountId,
                Created = context.Now,
                Updated = context.Now,
            };
            foreach (var (fieldId, value) in plan.Values)
            {
                issue.Values[fieldId] = value;
            }

            foreach (var (key, value) in properties)
            {
                issue.Properties[key] = value;
            }

            state.Add(issue);
            foreach (var comment in plan.Comments)
            {
                comments.Add(state, issue, comment, context);
            }

            publisher.Publish(state, new JiraIssueEvent(JiraIssueEvent.IssueCreated, "issue_created", issue, context));
            var response = new JsonObject { ["id"] = issue.Id, ["key"] = issue.Key, ["self"] = context.Links.Issue(issue.Id) };
            if (transitionId is not null)
            {
                response["transition"] = RunInitialTransition(state, issue, transitionId, context);
            }

            return JiraResults.Json(response, StatusCodes.Status201Created);
        });
    }

    private JiraIssueType? ResolveProjectAndType(JsonObject? fields, Dictionary<string, string> errors)
    {
        var project = fields?["project"] as JsonObject;
        var projectRef = JiraJson.String(project, "key") ?? JiraJson.String(project, "id");
        if (projectRef is null || !site.IsProject(projectRef))
        {
            errors["project"] = "Specify a valid project ID or key";
        }

        if (fields?["issuetype"] is not JsonObject type)
        {
            errors["issuetype"] = "Specify an issue type";
            return null;
        }

        var issueType = site.FindIssueType(JiraJson.String(type, "id"), JiraJson.String(type, "name"));
        if (issueType is null)
        {
            errors["issuetype"] = "Specify a valid issue type";
        }

        return issueType;
    }

    private static List<(string Key, JsonNode? Value)> ParseProperties(JsonNode? node, List<string> messages)
    {
        var properties = new List<(string, JsonNode?)>();
        if (node is null)
        {
            return properties;
        }

        if (node is not JsonArray array)
        {
            messages.Add("properties must be an array of {key, value}.");
            return properties;
        }

        foreach (var item in array)
        {
            if (item is not JsonObject property || JiraJson.String(property, "key") is not { Length: > 0 and <= 255 } key)
            {
                messages.Add("The property key must be between 1 and 255 characters long.");
                continue;
            }

            properties.Add((key, property["value"]?.DeepClone()));
        }

        return properties;
    }

    private JsonObject RunInitialTransition(JiraState state, JiraIssue issue, string transitionId, JiraChangeContext context)
    {
        var caller = new JiraCaller(context.Actor, false);
        var transition = runner.Candidates(issue, caller).Where(c => c.Available).Select(c => c.Transition).FirstOrDefault(t => t.Id == transitionId);
        if (transition is null)
        {
            return new JsonObject
            {
                ["status"] = StatusCodes.Status400BadRequest,
                ["errorCollection"] = JiraErrors.ErrorCollectionJson([$"Transition id '{transitionId}' is not valid for this issue."], null),
            };
        }

        runner.Run(state, issue, transition, context, null, new Dictionary<string, JsonNode?>(), null);
        return new JsonObject
        {
            ["status"] = StatusCodes.Status200OK,
            ["errorCollection"] = JiraErrors.ErrorCollectionJson([], null),
        };
    }
}
