namespace ChangeOrchestrator.Patching.Compliance.History;

/// <summary>The values the filters offer: those the recorded servers carry.</summary>
public sealed record ComplianceFilterChoices(IReadOnlyList<string> PatchGroups, IReadOnlyList<string> Environments, IReadOnlyList<string> OperatingSystems);
