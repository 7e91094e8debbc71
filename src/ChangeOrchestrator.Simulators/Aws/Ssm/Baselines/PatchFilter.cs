namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal sealed record PatchFilter(string Key, IReadOnlyList<string> Values);
