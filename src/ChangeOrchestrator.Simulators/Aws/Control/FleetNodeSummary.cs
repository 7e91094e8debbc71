namespace ChangeOrchestrator.Simulators.Aws.Control;

internal sealed record FleetNodeSummary(
    string InstanceId, string Name, string? PatchGroup, string Platform, string PlatformName, bool Managed, bool Hybrid,
    string PingStatus, string? Ec2State, IReadOnlyList<string> VolumeIds);
