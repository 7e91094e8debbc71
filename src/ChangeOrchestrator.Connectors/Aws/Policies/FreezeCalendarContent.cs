using System.Globalization;
using System.Text;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Planning;

namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>
/// A freeze calendar as the iCalendar content of an SSM ChangeCalendar document (DEFAULT_OPEN, one VEVENT per
/// freeze, UTC times), and back: events written in the console with a TZID or as whole days are read too.
/// </summary>
internal static class FreezeCalendarContent
{
    public static string Render(FreezeCalendar calendar)
    {
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nPRODID:-//ChangeOrchestrator//Patch policy//EN\r\nVERSION:2.0\r\n")
            .Append("X-CALENDAR-TYPE:").Append(calendar.DefaultOpen ? "DEFAULT_OPEN" : "DEFAULT_CLOSED").Append("\r\n")
            .Append("X-WR-CALDESC:Freezes of maintenance window ").Append(calendar.WindowName).Append(" from the patch policy\r\n");
        foreach (var freeze in calendar.Freezes)
        {
            text.Append("BEGIN:VEVENT\r\n")
                .Append("UID:").Append(calendar.Name).Append('-').Append(Utc(freeze.Start)).Append("\r\n")
                .Append("DTSTAMP:").Append(Utc(freeze.Start)).Append("\r\n")
                .Append("SUMMARY:").Append(Escape(freeze.Reason ?? "Freeze")).Append("\r\n")
                .Append("DTSTART:").Append(Utc(freeze.Start)).Append("\r\n")
                .Append("DTEND:").Append(Utc(freeze.End)).Append("\r\n")
                .Append("END:VEVENT\r\n");
        }

        return text.Append("END:VCALENDAR\r\n").ToString();
    }

    /// <summary>The calendar a document holds; an event this cannot read is kept as a freeze with no end, so it shows as a difference.</summary>
    public static FreezeCalendar Parse(string name, string content)
    {
        var defaultOpen = true;
        var freezes = new List<ChangeFreezePolicy>();
        Dictionary<string, string>? current = null;
        foreach (var line in Unfold(content))
        {
            if (line == "BEGIN:VEVENT")
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
            }
            else if (line == "END:VEVENT" && current is not null)
            {
                var start = Instant(current, "DTSTART") ?? DateTimeOffset.MinValue;
                freezes.Add(new ChangeFreezePolicy(start, Instant(current, "DTEND") ?? start, current.TryGetValue("SUMMARY", out var summary) ? Unescape(summary) : null));
                current = null;
            }
            else if (line.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon)
            {
                if (current is not null)
                {
                    current[line[..colon]] = line[(colon + 1)..];
                }
                else if (line[..colon] == "X-CALENDAR-TYPE")
                {
                    defaultOpen = line[(colon + 1)..] != "DEFAULT_CLOSED";
                }
            }
        }

        var windowName = name.EndsWith("-freezes", StringComparison.Ordinal) ? name[..^"-freezes".Length] : name;
        return new FreezeCalendar(name, windowName, defaultOpen, [.. freezes.OrderBy(f => f.Start)]);
    }

    private static DateTimeOffset? Instant(Dictionary<string, string> properties, string name)
    {
        var (key, value) = properties.FirstOrDefault(p => p.Key == name || p.Key.StartsWith(name + ";", StringComparison.Ordinal));
        if (key is null)
        {
            return null;
        }

        if (DateTime.TryParseExact(value, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
        {
            return new DateTimeOffset(utc, TimeSpan.Zero);
        }

        if (!DateTime.TryParseExact(value, ["yyyyMMdd'T'HHmmss", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var zone = key.Split(';').Skip(1).FirstOrDefault(p => p.StartsWith("TZID=", StringComparison.Ordinal)) is { } tzid
            && TimeZoneInfo.TryFindSystemTimeZoneById(tzid[5..], out var found) ? found : TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static IEnumerable<string> Unfold(string content)
    {
        var lines = new List<string>();
        foreach (var raw in content.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && raw[0] is ' ' or '\t' && lines.Count > 0)
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

    // RFC 5545 text: backslash, semicolon and comma are escaped, a line break is \n.
    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Unescape(string text) => text
        .Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\,", ",", StringComparison.Ordinal)
        .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
