using System.Globalization;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// An AWS cron expression: minutes hours day-of-month month day-of-week year, with <c>*</c>, <c>?</c>, lists,
/// ranges, steps, month and day names, <c>L</c> (last day / last weekday of the month) and <c>#</c> (nth weekday,
/// e.g. <c>TUE#2</c> for Patch Tuesday). Day-of-week runs 1 (SUN) to 7 (SAT).
/// </summary>
internal sealed class AwsCronExpression
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] _minutes;
    private readonly bool[] _hours;
    private readonly bool[]? _daysOfMonth;
    private readonly bool _lastDayOfMonth;
    private readonly bool[] _months;
    private readonly bool[]? _daysOfWeek;
    private readonly List<(int Day, int Nth)> _nthWeekdays = [];
    private readonly List<int> _lastWeekdays = [];
    private readonly bool[]? _years;

    private AwsCronExpression(string[] fields)
    {
        _minutes = Range(fields[0], 0, 59, null);
        _hours = Range(fields[1], 0, 23, null);
        _months = Range(fields[3], 1, 12, Months);
        _years = fields[5] == "*" ? null : Range(fields[5], 1970, 2199, null);
        var dayOfMonth = fields[2];
        var dayOfWeek = fields[4];
        if ((dayOfMonth == "?") == (dayOfWeek == "?"))
        {
            throw new FormatException("Exactly one of day-of-month and day-of-week must be '?'.");
        }

        if (dayOfMonth != "?")
        {
            _lastDayOfMonth = dayOfMonth == "L";
            _daysOfMonth = _lastDayOfMonth ? new bool[32] : Range(dayOfMonth, 1, 31, null);
        }
        else
        {
            _daysOfWeek = new bool[8];
            foreach (var part in dayOfWeek.Split(','))
            {
                if (part.Contains('#', StringComparison.Ordinal))
                {
                    var pieces = part.Split('#');
                    _nthWeekdays.Add((Value(pieces[0], 1, 7, Days), Value(pieces[1], 1, 5, null)));
                }
                else if (part.Length > 1 && part.EndsWith('L'))
                {
                    _lastWeekdays.Add(Value(part[..^1], 1, 7, Days));
                }
                else
                {
                    var days = Range(part, 1, 7, Days);
                    for (var d = 1; d <= 7; d++)
                    {
                        _daysOfWeek[d] |= days[d];
                    }
                }
            }
        }
    }

    public static AwsCronExpression Parse(string expression)
    {
        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return fields.Length == 6 ? new AwsCronExpression(fields) : throw new FormatException("A cron expression has six fields.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/>, evaluated in <paramref name="zone"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, TimeZoneInfo zone)
    {
        var localAfter = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        for (var day = 0; day < 366 * 6; day++)
        {
            var date = localAfter.Date.AddDays(day);
            if ((_years is not null && (date.Year > 2199 || !_years[date.Year])) || !_months[date.Month] || !DayMatches(date))
            {
                continue;
            }

            for (var hour = 0; hour < 24; hour++)
            {
                if (!_hours[hour])
                {
                    continue;
                }

                for (var minute = 0; minute < 60; minute++)
                {
                    var local = date.AddHours(hour).AddMinutes(minute);
                    if (_minutes[minute] && local > localAfter && !zone.IsInvalidTime(local))
                    {
                        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), TimeSpan.Zero);
                    }
                }
            }
        }

        return null;
    }

    private bool DayMatches(DateTime date)
    {
        var daysInMonth = DateTime.DaysInMonth(date.Year, date.Month);
        if (_daysOfMonth is not null)
        {
            return _lastDayOfMonth ? date.Day == daysInMonth : _daysOfMonth[date.Day];
        }

        var weekday = (int)date.DayOfWeek + 1;
        return _daysOfWeek![weekday]
            || _nthWeekdays.Exists(n => n.Day == weekday && ((date.Day - 1) / 7) + 1 == n.Nth)
            || (_lastWeekdays.Contains(weekday) && date.Day + 7 > daysInMonth);
    }

    private static bool[] Range(string field, int min, int max, string[]? names)
    {
        var set = new bool[max + 1];
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') is [var r, var s] ? (r, Value(s, 1, max, null)) : (part, 1);
            int from, to;
            if (range == "*")
            {
                (from, to) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                (from, to) = (Value(a, min, max, names), Value(b, min, max, names));
            }
            else
            {
                from = Value(range, min, max, names);
                to = part.Contains('/', StringComparison.Ordinal) ? max : from;
            }

            for (var v = from; v <= to; v += step)
            {
                set[v] = true;
            }
        }

        return set;
    }

    private static int Value(string text, int min, int max, string[]? names)
    {
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        var value = index >= 0 ? index + min
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
            : throw new FormatException($"'{text}' is not a valid cron value.");
        return value >= min && value <= max ? value : throw new FormatException($"'{text}' is out of range {min}-{max}.");
    }
}
