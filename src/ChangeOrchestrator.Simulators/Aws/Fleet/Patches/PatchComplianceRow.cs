namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>One patch as the last Scan or Install reported it; <see cref="State"/> is the PascalCase wire value.</summary>
internal sealed record PatchComplianceRow(PatchDefinition Patch, string State, DateTimeOffset? InstalledTime, string ComplianceLevel);
