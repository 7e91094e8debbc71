namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

internal readonly record struct PatchApproval(bool Approved, bool Rejected, string ComplianceLevel);
