using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Jira.Approvals;
using ChangeOrchestrator.Simulators.Jira.Attachments;
using ChangeOrchestrator.Simulators.Jira.Comments;
using ChangeOrchestrator.Simulators.Jira.Site;

namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>An issue as the site holds it. Field values are kept in a canonical stored form per field kind.</summary>
internal sealed class JiraIssue
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required int Number { get; init; }

    public required JiraIssueType IssueType { get; init; }

    public required JiraStatus Status { get; set; }

    public required string ReporterAccountId { get; init; }

    public required DateTimeOffset Created { get; init; }

    public required DateTimeOffset Updated { get; set; }

    public JiraResolution? Resolution { get; set; }

    public DateTimeOffset? ResolutionDate { get; set; }

    /// <summary>Writable field values by field id, in stored form (see <see cref="Fields.JiraFieldValues"/>).</summary>
    public Dictionary<string, JsonNode?> Values { get; } = new(StringComparer.Ordinal);

    public List<JiraChangelogEntry> Changelog { get; } = [];

    public List<JiraComment> Comments { get; } = [];

    public List<JiraAttachment> Attachments { get; } = [];

    public List<JiraApproval> Approvals { get; } = [];

    public Dictionary<string, JsonNode?> Properties { get; } = new(StringComparer.Ordinal);

    public JsonNode? Value(string fieldId) => Values.GetValueOrDefault(fieldId);
}
