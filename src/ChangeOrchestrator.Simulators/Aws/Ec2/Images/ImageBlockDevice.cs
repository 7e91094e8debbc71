namespace ChangeOrchestrator.Simulators.Aws.Ec2.Images;

internal sealed record ImageBlockDevice(string DeviceName, string SnapshotId, int SizeGiB, bool DeleteOnTermination, bool Encrypted);
