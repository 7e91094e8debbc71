namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>An instance as a patch group listing counts it: its id and the group its tag names, if any.</summary>
internal sealed record PatchGroupMember(string InstanceId, string? PatchGroup);
