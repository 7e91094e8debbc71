namespace ChangeOrchestrator.Connectors.Aws.Snapshots;

/// <summary>A live instance's root volume, empty when its root device has no EBS volume.</summary>
internal sealed record InstanceRootVolume(string InstanceId, string VolumeId);
