namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

internal sealed record CommandTarget(string Key, IReadOnlyList<string> Values);
