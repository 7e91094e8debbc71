namespace ChangeOrchestrator.Simulators.Jira.Control;

internal sealed class JiraRateWindow
{
    public required DateTimeOffset Start { get; init; }

    public int Count { get; set; }

    public DateTimeOffset PenaltyUntil { get; set; }

    public int PenaltySeconds { get; set; }
}
