using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// How long instances stood still, read from their journals: after each kill, the time until each instance that was
/// moving wrote its next entry; and, kill or not, the gaps between two entries of one instance. A change waiting for
/// its approver is not moving, so gaps that start at the approval wait do not count; nor do the reconciler's recovery
/// entries, which are not progress. Each stall is broken down (<see cref="ChaosStall"/>) from the due times the journal
/// records on timer resumes and retries and from what the killed process held (<see cref="ChaosKill"/>).
/// </summary>
internal static class ChaosStalls
{
    public static List<ChaosStall> AfterKills(IReadOnlyList<ChaosChange> changes, IReadOnlyList<ChaosKill> kills)
    {
        var stalls = new List<ChaosStall>();
        foreach (var change in changes)
        {
            var entries = Moving(change);
            foreach (var (kill, index) in kills.Select((k, i) => (k, i)))
            {
                var before = entries.FindLastIndex(e => e.At <= kill.At);
                if (before < 0 || before + 1 >= entries.Count || entries[before].WaitsForPerson)
                {
                    continue;
                }

                var context = string.Create(CultureInfo.InvariantCulture, $"after kill {index + 1} (node {kill.Node}, back after {((kill.BackAt ?? kill.At) - kill.At).TotalSeconds:F1} s)");
                stalls.Add(Break(change, context, kill.At, entries[before], entries[before + 1], kill));
            }
        }

        return [.. stalls.OrderByDescending(s => s.Length)];
    }

    public static List<ChaosStall> Gaps(IReadOnlyList<ChaosChange> changes)
    {
        var gaps = new List<ChaosStall>();
        foreach (var change in changes)
        {
            var entries = Moving(change);
            for (var i = 1; i < entries.Count; i++)
            {
                if (!entries[i - 1].WaitsForPerson)
                {
                    gaps.Add(Break(change, $"after {Name(entries[i - 1].Entry)}", entries[i - 1].At, entries[i - 1], entries[i], kill: null));
                }
            }
        }

        return [.. gaps.OrderByDescending(s => s.Length)];
    }

    /// <summary>The time from each cause to the next, over how much of them fell in the stall.</summary>
    public static IEnumerable<(string Cause, TimeSpan Time)> Totals(IEnumerable<ChaosStall> stalls) =>
        stalls.SelectMany(s => s.Parts).GroupBy(p => p.Cause).Select(g => (g.Key, TimeSpan.FromTicks(g.Sum(p => p.Time.Ticks)))).OrderByDescending(p => p.Item2);

    private static ChaosStall Break(ChaosChange change, string context, DateTimeOffset from, Moment previous, Moment next, ChaosKill? kill)
    {
        var waits = new List<(string Cause, DateTimeOffset Until)>();
        var startsBurst = next.Type is "ActivityResumed" or "ActivityStarted";
        if (startsBurst && Data(next.Entry, "due") is { } due)
        {
            waits.Add((PollOrRetry(previous), due.GetValue<DateTimeOffset>()));
        }
        else if (startsBurst && previous.Type == "RetryScheduled" && Data(previous.Entry, "due") is { } retryDue)
        {
            waits.Add((ChaosStall.RetryBackoff, retryDue.GetValue<DateTimeOffset>()));
        }

        var notes = new List<string>();
        if (kill is not null)
        {
            if (kill.Leases.TryGetValue(change.InstanceId, out var leaseUntil))
            {
                waits.Add((ChaosStall.KilledLease, leaseUntil));
            }

            foreach (var claim in kill.Claims.Where(c => c.InstanceId == change.InstanceId))
            {
                waits.Add((ChaosStall.KilledClaim, claim.ClaimedUntil));
            }

            if (!kill.HeldKnown)
            {
                notes.Add("what the killed node held is unknown (the database was down)");
            }
        }

        var recoveries = change.Journal.Where(e => IsRecovery(e) && At(e) > from && At(e) <= next.At).Select(e => string.Create(CultureInfo.InvariantCulture, $"reconciler {Data(e, "recovery")} at +{(At(e) - from).TotalSeconds:F1} s"));
        notes.AddRange(recoveries);

        var parts = new List<(string Cause, TimeSpan Time)>();
        var reached = from;
        foreach (var (cause, until) in waits.OrderBy(w => w.Until))
        {
            var end = until < next.At ? until : next.At;
            if (end > reached)
            {
                parts.Add((cause, end - reached));
                reached = end;
            }
        }

        if (next.At > reached)
        {
            parts.Add((startsBurst ? ChaosStall.FiringLag : ChaosStall.InBurst, next.At - reached));
        }

        return new ChaosStall(change.Number ?? change.InstanceId, context, next.At - from, Name(next.Entry), parts, string.Join("; ", notes));
    }

    /// <summary>A timer after a retry was scheduled is the retry's back-off; any other is the activity's own poll.</summary>
    private static string PollOrRetry(Moment previous) => previous.Type == "RetryScheduled" ? ChaosStall.RetryBackoff : ChaosStall.PollInterval;

    private static string Name(JsonNode entry) => $"{entry["activityId"]?.GetValue<string>()} {entry["type"]!.GetValue<string>()}".Trim();

    private static bool IsRecovery(JsonNode entry) => Data(entry, "recovery") is not null;

    /// <summary>A field of an entry's data, which is an object for the entries read here and may be anything for others.</summary>
    private static JsonNode? Data(JsonNode entry, string name) => entry["data"] is JsonObject data ? data[name] : null;

    private static DateTimeOffset At(JsonNode entry) => entry["at"]!.GetValue<DateTimeOffset>();

    private static List<Moment> Moving(ChaosChange change) =>
        [.. change.Journal
            .Where(e => !IsRecovery(e))
            .Select(e => new Moment(At(e), e, e["type"]!.GetValue<string>(),
                e["activityId"]?.GetValue<string>() == "approval" && e["type"]!.GetValue<string>() is "ActivitySuspended" or "ActivityStarted" or "ActivityResumed"))
            .OrderBy(e => e.At)];

    private readonly record struct Moment(DateTimeOffset At, JsonNode Entry, string Type, bool WaitsForPerson);
}
