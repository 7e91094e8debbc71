namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>Mean time to remediate the patches of one severity: from the SLA clock's start to the scan that found them gone.</summary>
public sealed record RemediationTime(string Severity, int Remediated, double MeanDays);
