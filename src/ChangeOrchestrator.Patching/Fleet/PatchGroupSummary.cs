namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>A patch group as the fleet knows it: how many live servers carry its tag, and whether a patch baseline declares it.</summary>
public sealed record PatchGroupSummary(string Name, int ServerCount, bool RegisteredToBaseline);
