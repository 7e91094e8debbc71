namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>The platform fields every issue has.</summary>
internal static class JiraSystemFields
{
    public const string Summary = "summary";
    public const string Description = "description";
    public const string Labels = "labels";
    public const string Assignee = "assignee";
    public const string Reporter = "reporter";
    public const string IssueType = "issuetype";
    public const string Project = "project";
    public const string Status = "status";
    public const string StatusCategory = "statusCategory";
    public const string Resolution = "resolution";
    public const string ResolutionDate = "resolutiondate";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Comment = "comment";
    public const string Attachment = "attachment";
    public const string IssueKey = "issuekey";

    public static readonly IReadOnlyList<JiraFieldDefinition> All =
    [
        new(Summary, "Summary", JiraFieldKind.Text, JiraFieldSchema.ForSystem("string", Summary), [Summary], [], Required: true),
        new(Description, "Description", JiraFieldKind.Document, JiraFieldSchema.ForSystem("string", Description), [Description], []),
        new(Labels, "Labels", JiraFieldKind.Labels, JiraFieldSchema.ForSystem("array", Labels, "string"), [Labels], []),
        new(Assignee, "Assignee", JiraFieldKind.User, JiraFieldSchema.ForSystem("user", Assignee), [Assignee], []),
        new(Reporter, "Reporter", JiraFieldKind.System, JiraFieldSchema.ForSystem("user", Reporter), [Reporter], []),
        new(IssueType, "Issue Type", JiraFieldKind.System, JiraFieldSchema.ForSystem("issuetype", IssueType), [IssueType, "type"], []),
        new(Project, "Project", JiraFieldKind.System, JiraFieldSchema.ForSystem("project", Project), [Project], []),
        new(Status, "Status", JiraFieldKind.System, JiraFieldSchema.ForSystem("status", Status), [Status], []),
        new(StatusCategory, "Status Category", JiraFieldKind.System, JiraFieldSchema.ForSystem("statusCategory", StatusCategory), [StatusCategory], []),
        new(Resolution, "Resolution", JiraFieldKind.System, JiraFieldSchema.ForSystem("resolution", Resolution), [Resolution], []),
        new(ResolutionDate, "Resolved", JiraFieldKind.System, JiraFieldSchema.ForSystem("datetime", ResolutionDate), [ResolutionDate, "resolved"], []),
        new(Created, "Created", JiraFieldKind.System, JiraFieldSchema.ForSystem("datetime", Created), [Created, "createdDate"], []),
        new(Updated, "Updated", JiraFieldKind.System, JiraFieldSchema.ForSystem("datetime", Updated), [Updated, "updatedDate"], []),
        new(Comment, "Comment", JiraFieldKind.System, JiraFieldSchema.ForSystem("comments-page", Comment), [Comment], []),
        new(Attachment, "Attachment", JiraFieldKind.System, JiraFieldSchema.ForSystem("array", Attachment, "attachment"), ["attachments"], []),
        new(IssueKey, "Key", JiraFieldKind.System, null, ["id", "issue", "issuekey", "key"], []),
    ];
}
