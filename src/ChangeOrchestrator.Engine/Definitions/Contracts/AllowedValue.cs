namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>One value a host source allows, with a label for a start form and whether it has no members (a patch group with no servers).</summary>
public sealed record AllowedValue(string Value, string? Label = null, bool IsEmpty = false);
