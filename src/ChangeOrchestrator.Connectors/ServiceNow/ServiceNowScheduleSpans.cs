using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// The occurrences of a <c>cmn_schedule_span</c> inside a window. Span times are schedule date-times
/// (<c>20261224T000000</c>, or with a trailing Z for UTC) in the schedule's time zone (UTC when it names none); a span
/// repeats daily, weekly, monthly or yearly from its first occurrence when <c>repeat_type</c> says so.
/// </summary>
internal static class ServiceNowScheduleSpans
{
    private static readonly string[] Formats = ["yyyyMMdd'T'HHmmss", "yyyyMMdd'T'HHmmss'Z'", "yyyy-MM-dd HH:mm:ss"];

    /// <summary>Occurrences looked at per span at most: a daily span over decades is still bounded.</summary>
    private const int MaxOccurrences = 20000;

    public static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Overlapping(
        JsonNode span, string scheduleName, string timeZoneId, DateTimeOffset windowStart, DateTimeOffset windowEnd)
    {
        var zone = Zone(timeZoneId, scheduleName);
        var start = Parse(ServiceNowJson.Value(span, "start_date_time"), zone, scheduleName, "start_date_time");
        var end = Parse(ServiceNowJson.Value(span, "end_date_time"), zone, scheduleName, "end_date_time");
        if (end <= start)
        {
            yield break;
        }

        var repeat = ServiceNowJson.Value(span, "repeat_type");
        for (var n = 0; n < MaxOccurrences; n++)
        {
            var (from, until) = Occurrence(start, end, repeat, n);
            if (from >= windowEnd)
            {
                yield break;
            }

            if (from < windowEnd && windowStart < until)
            {
                yield return (from, until);
            }

            if (repeat.Length == 0)
            {
                yield break;
            }
        }
    }

    private static (DateTimeOffset, DateTimeOffset) Occurrence(DateTimeOffset start, DateTimeOffset end, string repeat, int n) => repeat switch
    {
        "daily" => (start.AddDays(n), end.AddDays(n)),
        "weekly" => (start.AddDays(7 * n), end.AddDays(7 * n)),
        "monthly" => (start.AddMonths(n), end.AddMonths(n)),
        "yearly" => (start.AddYears(n), end.AddYears(n)),
        _ => (start, end),
    };

    private static TimeZoneInfo Zone(string id, string scheduleName)
    {
        if (id.Length == 0 || id is "UTC" or "GMT")
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new ServiceDeskException(ServiceNowServiceDesk.DisplayName,
                $"schedule '{scheduleName}' has time zone '{id}', which is not a known time zone; its spans cannot be placed", isTransient: false);
    }

    private static DateTimeOffset Parse(string text, TimeZoneInfo zone, string scheduleName, string field)
    {
        if (!DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            throw new ServiceDeskException(ServiceNowServiceDesk.DisplayName,
                $"a span of schedule '{scheduleName}' has {field} '{text}', not a schedule date-time such as 20261224T000000", isTransient: false);
        }

        if (text.EndsWith('Z'))
        {
            return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Utc));
        }

        // An instant skipped by a daylight-saving jump has no offset of its own: take the one before the jump.
        var offset = zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(-1)) : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
