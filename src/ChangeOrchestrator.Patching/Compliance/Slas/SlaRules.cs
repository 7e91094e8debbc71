using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>
/// The policy's SLAs as they stand at one moment: days per severity (any case), the exceptions active then, and the
/// due-soon margin. The in-memory evaluator and the history's SQL read the same rules.
/// </summary>
public sealed record SlaRules
{
    public const long TicksPerDay = TimeSpan.TicksPerDay;

    /// <summary>Days a missing patch of a severity may stay missing; a severity without an entry has no SLA.</summary>
    public required IReadOnlyDictionary<string, int> DaysBySeverity { get; init; }

    /// <summary>The exceptions active at <see cref="Now"/>.</summary>
    public required IReadOnlyList<PatchExemption> Exceptions { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required int DueSoonDays { get; init; }

    public static SlaRules From(PatchPolicy? policy, DateTimeOffset now, int dueSoonDays)
    {
        var days = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var sla in policy?.Slas ?? [])
        {
            days.TryAdd(sla.Severity, sla.Days);
        }

        return new SlaRules { DaysBySeverity = days, Exceptions = policy?.ActiveExceptions(now) ?? [], Now = now, DueSoonDays = dueSoonDays };
    }

    /// <summary>The SLA days of a severity (null severity: <see cref="SlaEvaluator.UnknownSeverity"/>), or null when it has none.</summary>
    public int? DaysFor(string? severity) => DaysBySeverity.TryGetValue(severity ?? SlaEvaluator.UnknownSeverity, out var days) ? days : null;
}
