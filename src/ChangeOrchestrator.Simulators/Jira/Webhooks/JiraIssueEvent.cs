using ChangeOrchestrator.Simulators.Jira.Attachments;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.State;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>Something that happened to an issue, as webhooks announce it.</summary>
internal sealed record JiraIssueEvent(
    string WebhookEvent,
    string? IssueEventTypeName,
    JiraIssue Issue,
    JiraChangeContext Context,
    JiraChangelogEntry? Changelog = null,
    JiraComment? Comment = null,
    JiraAttachment? Attachment = null)
{
    public const string IssueCreated = "jira:issue_created";
    public const string IssueUpdated = "jira:issue_updated";
    public const string IssueDeleted = "jira:issue_deleted";
    public const string CommentCreated = "comment_created";
    public const string AttachmentCreated = "attachment_created";

    /// <summary>Events a registration may name (the ones this site raises, and the ones it never raises but accepts).</summary>
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.Ordinal)
    {
        IssueCreated, IssueUpdated, IssueDeleted, CommentCreated, "comment_updated", "comment_deleted",
        AttachmentCreated, "attachment_deleted", "issuelink_created", "issuelink_deleted", "worklog_created",
        "worklog_updated", "worklog_deleted",
    };
}
