using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>Judges missing patches against the policy's SLAs by severity and its exceptions.</summary>
public static class SlaEvaluator
{
    public const string UnknownSeverity = "Unspecified";

    public static IReadOnlyList<SlaFinding> Evaluate(IEnumerable<PatchFinding> findings, PatchPolicy? policy, DateTimeOffset now, int dueSoonDays)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var rules = SlaRules.From(policy, now, dueSoonDays);
        return [.. findings.Select(f => Judge(f, rules)).OrderBy(f => f.DueAt ?? DateTimeOffset.MaxValue).ThenBy(f => f.Finding.ServerId, StringComparer.Ordinal)];
    }

    /// <summary>One finding against the rules: excepted first, then no SLA, breached, due soon or within.</summary>
    public static SlaFinding Judge(PatchFinding finding, SlaRules rules)
    {
        ArgumentNullException.ThrowIfNull(finding);
        ArgumentNullException.ThrowIfNull(rules);
        var now = rules.Now;
        var age = (int)Math.Floor((now - finding.ClockStart).TotalDays);
        var exception = rules.Exceptions.FirstOrDefault(e => e.Covers(finding.ServerId, finding.PatchId, finding.CveIds, now));
        var days = rules.DaysFor(finding.Severity);
        var due = days is { } sla ? finding.ClockStart.AddDays(sla) : (DateTimeOffset?)null;
        var status = exception is not null ? SlaStatus.Excepted
            : due is not { } dueAt ? SlaStatus.NoSla
            : now >= dueAt ? SlaStatus.Breached
            : now >= dueAt.AddDays(-rules.DueSoonDays) ? SlaStatus.DueSoon
            : SlaStatus.WithinSla;
        return new SlaFinding
        {
            Finding = finding,
            Status = status,
            AgeDays = Math.Max(0, age),
            SlaDays = days,
            DueAt = due,
            ExceptionReason = exception?.Reason,
            ExceptionApprover = exception?.Approver,
            ExceptionExpires = exception?.Expires,
        };
    }

    public static IReadOnlyList<RemediationTime> MeanTimeToRemediate(IEnumerable<PatchFinding> remediated) =>
    [
        .. remediated
            .Where(f => f.RemediatedAt is not null)
            .GroupBy(f => f.Severity ?? UnknownSeverity, StringComparer.OrdinalIgnoreCase)
            .Select(g => new RemediationTime(g.Key, g.Count(), Math.Round(g.Average(f => Math.Max(0, (f.RemediatedAt!.Value - f.ClockStart).TotalDays)), 2)))
            .OrderBy(r => r.Severity, StringComparer.OrdinalIgnoreCase),
    ];
}
