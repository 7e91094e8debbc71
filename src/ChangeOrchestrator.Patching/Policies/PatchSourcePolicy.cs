namespace ChangeOrchestrator.Patching.Policies;

/// <summary>An alternative Linux package repository: its name, the products it serves, and its repository configuration.</summary>
public sealed record PatchSourcePolicy(string Name, IReadOnlyList<string> Products, string Configuration);
