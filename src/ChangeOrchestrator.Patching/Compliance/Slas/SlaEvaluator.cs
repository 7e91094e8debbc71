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
        var slas = (policy?.Slas ?? []).ToDictionary(s => s.Severity, s => s.Days, StringComparer.OrdinalIgnoreCase);
        var exceptions = policy?.ActiveExceptions(now) ?? [];
        var result = new List<SlaFinding>();
        foreach (var finding in findings)
        {
            var age = (int)Math.Floor((now - finding.ClockStart).TotalDays);
            var exception = exceptions.FirstOrDefault(e => e.Covers(finding.ServerId, finding.PatchId, finding.CveIds, now));
            int? days = slas.TryGetValue(finding.Severity ?? UnknownSeverity, out var d) ? d : null;
            var due = days is { } sla ? finding.ClockStart.AddDays(sla) : (DateTimeOffset?)null;
            var status = exception is not null ? SlaStatus.Excepted
                : due is not { } dueAt ? SlaStatus.NoSla
                : now >= dueAt ? SlaStatus.Breached
                : now >= dueAt.AddDays(-dueSoonDays) ? SlaStatus.DueSoon
                : SlaStatus.WithinSla;
            result.Add(new SlaFinding
            {
                Finding = finding,
                Status = status,
                AgeDays = Math.Max(0, age),
                SlaDays = days,
                DueAt = due,
                ExceptionReason = exception?.Reason,
                ExceptionApprover = exception?.Approver,
                ExceptionExpires = exception?.Expires,
            });
        }

        return [.. result.OrderBy(f => f.DueAt ?? DateTimeOffset.MaxValue).ThenBy(f => f.Finding.ServerId, StringComparer.Ordinal)];
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
