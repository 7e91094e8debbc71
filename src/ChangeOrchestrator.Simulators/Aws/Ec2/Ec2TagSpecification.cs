namespace ChangeOrchestrator.Simulators.Aws.Ec2;

internal sealed record Ec2TagSpecification(string ResourceType, IReadOnlyList<Ec2Tag> Tags);
