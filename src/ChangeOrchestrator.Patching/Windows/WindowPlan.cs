using System.Globalization;
using ChangeOrchestrator.Engine.Activities;
using Cronos;

namespace ChangeOrchestrator.Patching.Windows;

/// <summary>
/// The windows an input describes, checked once: a single fixed window, or the occurrences of a cron schedule (in a
/// time zone, so a 22:00 window stays at 22:00 local time across daylight saving) each lasting the given duration.
/// </summary>
internal sealed class WindowPlan
{
    private readonly DateTimeOffset? _start;
    private readonly DateTimeOffset? _end;
    private readonly CronExpression? _schedule;
    private readonly TimeSpan _duration;
    private readonly TimeZoneInfo _timeZone;

    private WindowPlan(DateTimeOffset? start, DateTimeOffset? end, CronExpression? schedule, TimeSpan duration, TimeZoneInfo timeZone)
    {
        _start = start;
        _end = end;
        _schedule = schedule;
        _duration = duration;
        _timeZone = timeZone;
    }

    public bool IsFixed => _schedule is null;

    public static WindowPlan From(WaitForMaintenanceWindow.Input input, string activityId)
    {
        ActivityException Invalid(string problem) => new($"WaitForMaintenanceWindow '{activityId}': {problem}", isTransient: false);

        var timeZoneId = string.IsNullOrWhiteSpace(input.TimeZone) ? "UTC" : input.TimeZone;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var timeZone))
        {
            throw Invalid($"timeZone '{timeZoneId}' is not a known IANA time zone such as Europe/Paris.");
        }

        if (input.MinimumDuration < TimeSpan.Zero)
        {
            throw Invalid($"minimumDuration must not be negative; {input.MinimumDuration} is.");
        }

        if (input.CalendarPollInterval <= TimeSpan.Zero)
        {
            throw Invalid($"calendarPollInterval must be positive; {input.CalendarPollInterval} is not.");
        }

        if (input.MaxWindows < 1)
        {
            throw Invalid($"maxWindows must be 1 or more; {input.MaxWindows} is not.");
        }

        var freezes = input.Freezes ?? [];
        for (var i = 0; i < freezes.Count; i++)
        {
            if (freezes[i].End <= freezes[i].Start)
            {
                throw Invalid($"freezes[{i}] ends at {freezes[i].End:O}, not after its start {freezes[i].Start:O}.");
            }
        }

        var fixedWindow = input.Start is not null || input.End is not null;
        var scheduled = !string.IsNullOrWhiteSpace(input.Schedule);
        if (fixedWindow && scheduled)
        {
            throw Invalid("give either start and end (one window) or schedule and duration (recurring windows), not both.");
        }

        if (fixedWindow)
        {
            if (input.Start is not { } start || input.End is not { } end)
            {
                throw Invalid("start and end go together: a fixed window needs both.");
            }

            if (end <= start)
            {
                throw Invalid($"end {end:O} must be after start {start:O}.");
            }

            return new WindowPlan(start, end, null, end - start, timeZone);
        }

        if (!scheduled)
        {
            throw Invalid("needs start and end (one window) or schedule and duration (recurring windows).");
        }

        if (input.Duration is not { } duration || duration <= TimeSpan.Zero)
        {
            throw Invalid("duration (e.g. PT4H) is required with a schedule and must be positive.");
        }

        var text = input.Schedule!.Trim();
        var fields = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            var schedule = CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return new WindowPlan(null, null, schedule, duration, timeZone);
        }
        catch (CronFormatException ex)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"schedule '{text}' is not a cron expression of 5 or 6 fields: {ex.Message}"));
        }
    }

    /// <summary>
    /// The first window to consider at <paramref name="now"/> (a scheduled window already under way counts), or the
    /// one after <paramref name="previous"/>; null when there is none.
    /// </summary>
    public MaintenanceWindow? Next(MaintenanceWindow? previous, DateTimeOffset now)
    {
        if (_schedule is null)
        {
            return previous is null ? new MaintenanceWindow(_start!.Value, _end!.Value, 1) : null;
        }

        var after = previous?.Start ?? now - _duration;
        return _schedule.GetNextOccurrence(after, _timeZone) is { } start
            ? new MaintenanceWindow(start, start + _duration, (previous?.Number ?? 0) + 1)
            : null;
    }
}
