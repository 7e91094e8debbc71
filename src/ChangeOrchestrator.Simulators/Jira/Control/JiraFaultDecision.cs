namespace ChangeOrchestrator.Simulators.Jira.Control;

internal sealed record JiraFaultDecision(TimeSpan Delay, JiraFaultResponse? Response);
