using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// How long instances stood still, read from their journals: after each kill, the time until each instance that was
/// moving wrote its next entry; and, kill or not, the longest gap between two entries of one instance. A change
/// waiting for its approver is not moving, so gaps that start at the approval wait do not count.
/// </summary>
internal static class ChaosStalls
{
    public static (TimeSpan Longest, string Where) AfterKills(IReadOnlyList<ChaosChange> changes, IReadOnlyList<DateTimeOffset> kills)
    {
        var longest = TimeSpan.Zero;
        var where = "-";
        foreach (var change in changes)
        {
            var entries = Moving(change);
            foreach (var (kill, index) in kills.Select((k, i) => (k, i)))
            {
                var before = entries.LastOrDefault(e => e.At <= kill);
                var after = entries.FirstOrDefault(e => e.At > kill);
                if (before.Entry is null || after.Entry is null || before.WaitsForPerson)
                {
                    continue;
                }

                var stall = after.At - kill;
                if (stall > longest)
                {
                    longest = stall;
                    where = string.Create(CultureInfo.InvariantCulture, $"{change.Number} after kill {index + 1}, before {after.Entry["activityId"]?.GetValue<string>()} {after.Entry["type"]!.GetValue<string>()}");
                }
            }
        }

        return (longest, where);
    }

    public static (TimeSpan Longest, string Where) LongestGap(IReadOnlyList<ChaosChange> changes)
    {
        var longest = TimeSpan.Zero;
        var where = "-";
        foreach (var change in changes)
        {
            var entries = Moving(change);
            for (var i = 1; i < entries.Count; i++)
            {
                var gap = entries[i].At - entries[i - 1].At;
                if (!entries[i - 1].WaitsForPerson && gap > longest)
                {
                    longest = gap;
                    where = $"{change.Number}, before {entries[i].Entry!["activityId"]?.GetValue<string>()} {entries[i].Entry!["type"]!.GetValue<string>()}";
                }
            }
        }

        return (longest, where);
    }

    private static List<(DateTimeOffset At, JsonNode? Entry, bool WaitsForPerson)> Moving(ChaosChange change) =>
        [.. change.Journal
            .Select(e => (At: e["at"]!.GetValue<DateTimeOffset>(), Entry: (JsonNode?)e,
                WaitsForPerson: e["activityId"]?.GetValue<string>() == "approval" && e["type"]!.GetValue<string>() is "ActivitySuspended" or "ActivityStarted" or "ActivityResumed"))
            .OrderBy(e => e.At)];
}
