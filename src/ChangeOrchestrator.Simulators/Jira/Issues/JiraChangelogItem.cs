namespace ChangeOrchestrator.Simulators.Jira.Issues;

/// <summary>One changed field: the wire's field/fieldtype/fieldId/from/fromString/to/toString.</summary>
internal sealed record JiraChangelogItem(
    string Field,
    string FieldType,
    string FieldId,
    string? From,
    string? FromText,
    string? To,
    string? ToText);
