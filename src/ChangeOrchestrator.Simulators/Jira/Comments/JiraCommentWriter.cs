using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.State;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Comments;

/// <summary>Adds comments within the per-issue limit; the caller raises the events (a transition's comment rides on its event).</summary>
internal sealed class JiraCommentWriter(IOptions<JiraSimulatorOptions> options)
{
    public const string LimitMessage = "The maximum number of comments allowed for this issue has been reached.";

    public bool HasRoom(JiraIssue issue, int count = 1) => issue.Comments.Count + count <= options.Value.Limits.MaxCommentsPerIssue;

    public JiraComment Add(JiraState state, JiraIssue issue, JsonNode body, JiraChangeContext context, JsonObject? visibility = null, bool isPublic = true)
    {
        var comment = new JiraComment
        {
            Id = state.NextCommentId(),
            AuthorAccountId = context.Actor.AccountId,
            Body = body.DeepClone(),
            Created = context.Now,
            Visibility = visibility?.DeepClone() as JsonObject,
            IsPublic = isPublic,
        };
        issue.Comments.Add(comment);
        issue.Updated = context.Now;
        return comment;
    }
}
