using System.Globalization;
using System.Text.RegularExpressions;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.MaintenanceWindows;

/// <summary>
/// A maintenance window schedule: <c>cron(...)</c> and <c>at(...)</c> are calendar instants in the window's
/// time zone (they do not shrink with the clock's time scale); <c>rate(...)</c> is a duration and does.
/// </summary>
internal sealed partial class WindowSchedule
{
    private readonly AwsCronExpression? _cron;
    private readonly TimeSpan? _rate;
    private readonly DateTime? _at;
    private readonly TimeZoneInfo _zone;
    private readonly int _offsetDays;

    private WindowSchedule(AwsCronExpression? cron, TimeSpan? rate, DateTime? at, TimeZoneInfo zone, int offsetDays)
    {
        (_cron, _rate, _at, _zone, _offsetDays) = (cron, rate, at, zone, offsetDays);
    }

    /// <summary>Parses the expression; throws ValidationException for anything the service would reject.</summary>
    public static WindowSchedule Parse(string expression, string? timeZone, int? offsetDays)
    {
        TimeZoneInfo zone;
        try
        {
            zone = timeZone is null ? TimeZoneInfo.Utc : TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            throw SsmErrors.Validation("scheduleTimezone", "Member must be a valid IANA time zone", timeZone);
        }

        try
        {
            if (CronPattern().Match(expression) is { Success: true } cron)
            {
                return offsetDays is null or (>= 1 and <= 6)
                    ? new WindowSchedule(AwsCronExpression.Parse(cron.Groups[1].Value), null, null, zone, offsetDays ?? 0)
                    : throw SsmErrors.Validation("scheduleOffset", "Member must have value between 1 and 6", offsetDays);
            }

            if (offsetDays is not null)
            {
                throw SsmErrors.Validation("scheduleOffset", "ScheduleOffset is only supported with cron schedules", offsetDays);
            }

            if (RatePattern().Match(expression) is { Success: true } rate)
            {
                var count = int.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture);
                var unit = rate.Groups[2].Value.TrimEnd('s');
                var interval = unit switch { "minute" => TimeSpan.FromMinutes(count), "hour" => TimeSpan.FromHours(count), _ => TimeSpan.FromDays(count) };
                return count > 0 ? new WindowSchedule(null, interval, null, zone, 0) : throw new FormatException("Rate must be positive.");
            }

            if (AtPattern().Match(expression) is { Success: true } at)
            {
                var instant = DateTime.ParseExact(at.Groups[1].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
                return new WindowSchedule(null, null, instant, zone, 0);
            }
        }
        catch (FormatException error)
        {
            throw SsmErrors.Validation("schedule", error.Message, expression);
        }

        throw SsmErrors.Validation("schedule", "Member must be a cron, rate or at expression", expression);
    }

    /// <summary>The next start strictly after <paramref name="after"/>; rate schedules count from <paramref name="origin"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset after, DateTimeOffset origin, Func<TimeSpan, TimeSpan> toReal)
    {
        if (_cron is not null)
        {
            // The offset shifts each cron occurrence, so search from the shifted instant and shift the result back.
            return _cron.NextAfter(after.AddDays(-_offsetDays), _zone)?.AddDays(_offsetDays);
        }

        if (_rate is { } rate)
        {
            var interval = toReal(rate);
            var elapsed = after - origin;
            var periods = elapsed < TimeSpan.Zero ? 0 : (long)Math.Floor(elapsed / interval);
            return origin + (interval * (periods + 1));
        }

        var once = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(_at!.Value, DateTimeKind.Unspecified), _zone), TimeSpan.Zero);
        return once > after ? once : null;
    }

    [GeneratedRegex("^cron\\((.+)\\)$")]
    private static partial Regex CronPattern();

    [GeneratedRegex("^rate\\(([0-9]+) (minutes?|hours?|days?)\\)$")]
    private static partial Regex RatePattern();

    [GeneratedRegex("^at\\(([0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})\\)$")]
    private static partial Regex AtPattern();
}
