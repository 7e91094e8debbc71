using System.Globalization;
using ChangeOrchestrator.Simulators.Jira.Issues;
using ChangeOrchestrator.Simulators.Jira.Webhooks;

namespace ChangeOrchestrator.Simulators.Jira.State;

/// <summary>Everything that changes while the site runs. Only touched under <see cref="JiraStore"/>'s lock.</summary>
internal sealed class JiraState
{
    private readonly Dictionary<string, JiraIssue> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JiraIssue> _byKey = new(StringComparer.OrdinalIgnoreCase);
    private long _nextIssueId = 10000;
    private int _nextIssueNumber = 1;
    private long _nextCommentId = 10000;
    private long _nextAttachmentId = 10000;
    private long _nextChangelogId = 10100;
    private long _nextApprovalId = 1;
    private long _nextWebhookId = 1;

    public IEnumerable<JiraIssue> Issues => _byId.Values;

    public List<JiraWebhook> Webhooks { get; } = [];

    public JiraIssue? FindIssue(string idOrKey) =>
        _byId.GetValueOrDefault(idOrKey) ?? _byKey.GetValueOrDefault(idOrKey);

    public void Add(JiraIssue issue)
    {
        _byId.Add(issue.Id, issue);
        _byKey.Add(issue.Key, issue);
    }

    public (string Id, int Number) NextIssue() => (Next(ref _nextIssueId), _nextIssueNumber++);

    public string NextCommentId() => Next(ref _nextCommentId);

    public string NextAttachmentId() => Next(ref _nextAttachmentId);

    public string NextChangelogId() => Next(ref _nextChangelogId);

    public string NextApprovalId() => Next(ref _nextApprovalId);

    public long NextWebhookId() => _nextWebhookId++;

    private static string Next(ref long counter) => (counter++).ToString(CultureInfo.InvariantCulture);
}
