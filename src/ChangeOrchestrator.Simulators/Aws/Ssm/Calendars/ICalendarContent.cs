using System.Globalization;
using System.Text;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>
/// The iCalendar (RFC 5545) content of a ChangeCalendar document: <c>X-CALENDAR-TYPE:DEFAULT_OPEN|DEFAULT_CLOSED</c>
/// and VEVENTs with SUMMARY, DTSTART and DTEND in UTC (<c>20261218T000000Z</c>), a DATE (<c>20261218</c>) or a
/// <c>TZID=</c> local time. Anything else SSM would refuse is refused as InvalidDocumentContent.
/// </summary>
internal static class ICalendarContent
{
    public static ChangeCalendar Parse(string name, string content)
    {
        var lines = Unfold(content);
        if (lines.Count == 0 || lines[0] != "BEGIN:VCALENDAR" || lines[^1] != "END:VCALENDAR")
        {
            throw Invalid("the content must be an iCalendar object from BEGIN:VCALENDAR to END:VCALENDAR");
        }

        var defaultOpen = true;
        var events = new List<ChangeCalendarEvent>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                continue;
            }

            if (line == "END:VEVENT")
            {
                events.Add(Event(current ?? throw Invalid("END:VEVENT without BEGIN:VEVENT")));
                current = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw Invalid($"line '{line}' is not NAME:VALUE");
            }

            var (property, value) = (line[..colon], line[(colon + 1)..]);
            if (current is not null)
            {
                current[property] = value;
            }
            else if (property == "X-CALENDAR-TYPE")
            {
                defaultOpen = value switch
                {
                    "DEFAULT_OPEN" => true,
                    "DEFAULT_CLOSED" => false,
                    _ => throw Invalid($"X-CALENDAR-TYPE is '{value}', not DEFAULT_OPEN or DEFAULT_CLOSED"),
                };
            }
        }

        if (current is not null)
        {
            throw Invalid("a VEVENT is not closed by END:VEVENT");
        }

        return new ChangeCalendar(name, defaultOpen, events);
    }

    /// <summary>The content of a calendar defined in the simulator's configuration or through its control API.</summary>
    public static string Render(ChangeCalendar calendar)
    {
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nPRODID:-//AWS//Change Calendar 1.0//EN\r\nVERSION:2.0\r\n")
            .Append("X-CALENDAR-TYPE:").Append(calendar.DefaultOpen ? "DEFAULT_OPEN" : "DEFAULT_CLOSED").Append("\r\n");
        foreach (var (e, i) in calendar.Events.Select((e, i) => (e, i)))
        {
            text.Append("BEGIN:VEVENT\r\n")
                .Append(CultureInfo.InvariantCulture, $"UID:{calendar.Name}-{i}\r\n")
                .Append("SUMMARY:").Append(e.Summary).Append("\r\n")
                .Append("DTSTART:").Append(Utc(e.Start)).Append("\r\n")
                .Append("DTEND:").Append(Utc(e.End)).Append("\r\n")
                .Append("END:VEVENT\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    private static ChangeCalendarEvent Event(Dictionary<string, string> properties)
    {
        var start = Instant(properties, "DTSTART");
        var end = Instant(properties, "DTEND");
        if (end <= start)
        {
            throw Invalid($"an event ends ({Utc(end)}) before it starts ({Utc(start)})");
        }

        return new ChangeCalendarEvent(properties.GetValueOrDefault("SUMMARY", ""), start, end);
    }

    private static DateTimeOffset Instant(Dictionary<string, string> properties, string name)
    {
        var (key, value) = properties.FirstOrDefault(p => p.Key == name || p.Key.StartsWith(name + ";", StringComparison.Ordinal));
        if (key is null)
        {
            throw Invalid($"an event has no {name}");
        }

        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        var local = DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time) ? time
            : DateTime.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw Invalid($"{name} '{value}' is not an iCalendar date or date-time");
        var zone = TimeZoneInfo.Utc;
        if (key.Split(';').Skip(1).FirstOrDefault(p => p.StartsWith("TZID=", StringComparison.Ordinal)) is { } tzid)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(tzid["TZID=".Length..], out zone))
            {
                throw Invalid($"{name} names the unknown time zone {tzid["TZID=".Length..]}");
            }
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>Content lines, with folded lines (a continuation starts with a space or tab) joined.</summary>
    private static List<string> Unfold(string content)
    {
        var lines = new List<string>();
        foreach (var raw in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && lines.Count > 0)
            {
                lines[^1] += raw[1..];
            }
            else if (raw.Length > 0)
            {
                lines.Add(raw);
            }
        }

        return lines;
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static SsmServiceException Invalid(string detail) => new("InvalidDocumentContent", $"The content of the ChangeCalendar document is not valid: {detail}.");
}
