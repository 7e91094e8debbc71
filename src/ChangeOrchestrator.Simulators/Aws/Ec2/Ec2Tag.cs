namespace ChangeOrchestrator.Simulators.Aws.Ec2;

internal sealed record Ec2Tag(string Key, string Value);
