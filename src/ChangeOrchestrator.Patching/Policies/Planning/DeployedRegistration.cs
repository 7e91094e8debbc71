namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>A patch group registered to a baseline for one operating system.</summary>
public sealed record DeployedRegistration(string PatchGroup, string OperatingSystem, string BaselineId);
