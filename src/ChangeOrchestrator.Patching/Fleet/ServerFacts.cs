namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>What the compliance history records of a server besides its scan: where it belongs and what it runs.</summary>
internal sealed record ServerFacts(string? PatchGroup, string? Environment, InstancePlatform Platform);
