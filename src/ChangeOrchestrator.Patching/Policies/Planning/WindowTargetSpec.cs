namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>The window target of a patch group: the servers tagged <c>Patch Group = PatchGroup</c>.</summary>
public sealed record WindowTargetSpec(string WindowName, string PatchGroup, string Name);
