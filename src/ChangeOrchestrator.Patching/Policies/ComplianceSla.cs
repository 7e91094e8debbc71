namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A missing patch of this severity must be installed within so many days of its release.</summary>
public sealed record ComplianceSla(string Severity, int Days);
