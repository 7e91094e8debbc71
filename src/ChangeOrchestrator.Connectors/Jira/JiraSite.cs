namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>What the connector learned from the site: the change issue type and the custom field ids by role.</summary>
internal sealed record JiraSite(
    string IssueTypeId,
    string ChangeTypeField,
    string? RiskField,
    string? ImpactField,
    string? PlannedStartField,
    string? PlannedEndField,
    string? ImplementationPlanField,
    string? BackoutPlanField,
    string? TestPlanField,
    string? AffectedServersField = null);
