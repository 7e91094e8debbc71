using System.Globalization;
using ChangeOrchestrator.Patching.Compliance.History;

namespace ChangeOrchestrator.Patching.Compliance.Slas;

/// <summary>
/// Where a page of the SLA list ends: the list runs by due date (soonest, that is most overdue, first; findings
/// without an SLA last), then server id and patch id, which together name one open finding.
/// </summary>
public sealed record SlaListKey(long DueTicks, string ServerId, string PatchId)
{
    /// <summary>The due-date key of a finding without an SLA: after every due date.</summary>
    public const long NoDueDate = long.MaxValue;

    public static SlaListKey Of(SlaFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new(finding.DueAt?.UtcTicks ?? NoDueDate, finding.Finding.ServerId, finding.Finding.PatchId);
    }

    public string ToToken() => PageToken.Join(DueTicks.ToString(CultureInfo.InvariantCulture), ServerId, PatchId);

    /// <summary>The key a token of <see cref="ToToken"/> holds; false for anything else.</summary>
    public static bool TryParse(string? token, out SlaListKey? key)
    {
        key = null;
        if (PageToken.Split(token, 3) is not [var due, var server, var patch]
            || !long.TryParse(due, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
        {
            return false;
        }

        key = new SlaListKey(ticks, server, patch);
        return true;
    }
}
