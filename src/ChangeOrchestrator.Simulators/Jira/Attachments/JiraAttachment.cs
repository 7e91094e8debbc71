namespace ChangeOrchestrator.Simulators.Jira.Attachments;

internal sealed class JiraAttachment
{
    public required string Id { get; init; }

    public required string IssueId { get; init; }

    public required string Filename { get; init; }

    public required string MimeType { get; init; }

    public required byte[] Content { get; init; }

    public required string AuthorAccountId { get; init; }

    public required DateTimeOffset Created { get; init; }
}
