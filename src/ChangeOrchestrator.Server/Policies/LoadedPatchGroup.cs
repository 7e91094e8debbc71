namespace ChangeOrchestrator.Server.Policies;

/// <summary>A patch group of the loaded policy: its environment, its baseline per operating system and its change rules.</summary>
public sealed record LoadedPatchGroup(string Name, string Environment, IReadOnlyDictionary<string, string> Baselines, string ChangeType, bool RequiresApproval);
