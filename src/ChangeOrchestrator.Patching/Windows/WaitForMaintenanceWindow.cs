using System.ComponentModel;
using System.Globalization;
using System.Xml;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Calendar;

namespace ChangeOrchestrator.Patching.Windows;

/// <summary>
/// Waits for a maintenance window in which a change may start, on timer bookmarks only. A window is used from the
/// first instant that is inside it, outside every freeze, with the change calendars open, and with at least the
/// minimum duration left before the window ends, a freeze begins or a calendar closes. A window that cannot offer
/// that is skipped (and said why); the next occurrence of a schedule is tried, up to maxWindows and the deadline.
/// Only the window being considered and the skipped ones are kept in the activity's state: every resumption
/// re-reads the calendars at the engine's own instant, so a re-run after a crash decides the same way.
/// </summary>
[Activity("Waits (on timers, never holding a thread) until a maintenance window is open, no freeze applies and the SSM change calendars are open, with at least minimumDuration left; a fixed window (start, end) or a cron schedule with a duration in a time zone. Continues on Missed when no usable window opens before the deadline or within maxWindows.", Category = "Schedule")]
[Outcomes("Open", "Missed")]
[Suspends]
public sealed class WaitForMaintenanceWindow(IChangeCalendar calendar) : PatchingActivity<WaitForMaintenanceWindow.Input, WaitForMaintenanceWindow.Output>
{
    private const string WindowKey = "window";

    private const string SkippedKey = "skipped";

    private const string WindowBookmark = "window";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var plan = WindowPlan.From(input, context.ActivityId);
        context.BeginExecution();
        var now = context.Now;
        var skipped = context.Read<List<SkippedWindow>>(SkippedKey) ?? [];
        var window = context.Read<MaintenanceWindow>(WindowKey);
        var started = window is null && skipped.Count == 0;
        window ??= plan.Next(null, now);

        // Each turn either decides or passes over one window; maxWindows bounds a schedule, a fixed window has one.
        while (window is not null)
        {
            if (input.Deadline is { } deadline && (now >= deadline || window.Start >= deadline))
            {
                return Missed(context, window, skipped, $"no usable window opened before the deadline {Show(deadline)}");
            }

            if (now >= window.End)
            {
                var reason = started && plan.IsFixed ? "the window was already over when the wait began" : "the window ended before it could be used";
                window = Skip(context, plan, window, skipped, reason, now);
                continue;
            }

            if (now < window.Start)
            {
                return Wait(context, window, skipped, window.Start);
            }

            var free = FreeFrom(input, window, now);
            if (free is null)
            {
                window = Skip(context, plan, window, skipped, Blocker(input, window, now), now);
                continue;
            }

            var (from, until) = free.Value;
            if (from > now)
            {
                return Wait(context, window, skipped, from);
            }

            if (input.CalendarNames is { Count: > 0 } names)
            {
                var status = await calendar.GetStateAsync(names, now, cancellationToken);
                if (status.State == ChangeCalendarState.Closed)
                {
                    var recheck = status.NextTransitionAt is { } reopens && reopens < now + input.CalendarPollInterval ? reopens : now + input.CalendarPollInterval;
                    if (recheck + input.MinimumDuration > window.End)
                    {
                        window = Skip(context, plan, window, skipped, $"change calendar {string.Join(", ", names)} closed", now);
                        continue;
                    }

                    return Wait(context, window, skipped, recheck);
                }

                if (status.NextTransitionAt is { } closes && closes < until)
                {
                    until = closes;
                    if (until - now < input.MinimumDuration)
                    {
                        return Wait(context, window, skipped, closes);
                    }
                }
            }

            context.Journal($"Window {Show(window.Start)} to {Show(window.End)} open at {Show(now)}, usable until {Show(until)}; {skipped.Count} skipped before");
            return Outcome("Open", new Output
            {
                WindowStart = window.Start,
                WindowEnd = window.End,
                OpenedAt = now,
                UsableUntil = until,
                Skipped = skipped,
                Reason = "",
            });
        }

        var last = skipped.LastOrDefault();
        return Missed(context, null, skipped, plan.IsFixed
            ? $"the window was not usable: {last?.Reason}"
            : $"none of the {skipped.Count} windows tried was usable (maxWindows {input.MaxWindows})");
    }

    /// <summary>Passes over a window and moves to the next occurrence, unless that would exceed maxWindows.</summary>
    private static MaintenanceWindow? Skip(
        ActivityContext<Input> context, WindowPlan plan, MaintenanceWindow window, List<SkippedWindow> skipped, string reason, DateTimeOffset now)
    {
        skipped.Add(new SkippedWindow { WindowStart = window.Start, WindowEnd = window.End, Reason = reason });
        context.Journal($"Skipped the window {Show(window.Start)} to {Show(window.End)}: {reason}");
        return window.Number < context.Input.MaxWindows ? plan.Next(window, now) : null;
    }

    private static ActivityResult Wait(ActivityContext<Input> context, MaintenanceWindow window, List<SkippedWindow> skipped, DateTimeOffset until)
    {
        if (context.Input.Deadline is { } deadline && until >= deadline)
        {
            return Missed(context, window, skipped, $"no usable window opens before the deadline {Show(deadline)}");
        }

        context.Write(WindowKey, window);
        context.Write(SkippedKey, skipped);
        return ActivityResult.Suspend(Bookmark.At(until, WindowBookmark));
    }

    private static ActivityResult Missed(ActivityContext context, MaintenanceWindow? window, List<SkippedWindow> skipped, string reason)
    {
        context.Journal($"Missed: {reason}");
        return Outcome("Missed", new Output
        {
            WindowStart = window?.Start,
            WindowEnd = window?.End,
            Skipped = skipped,
            Reason = reason,
        });
    }

    /// <summary>
    /// The first stretch of the window from <paramref name="now"/> that no freeze touches and that lasts at least the
    /// minimum duration: its start and the instant a freeze or the window's end cuts it off.
    /// </summary>
    private static (DateTimeOffset From, DateTimeOffset Until)? FreeFrom(Input input, MaintenanceWindow window, DateTimeOffset now)
    {
        var freezes = input.Freezes ?? [];
        var at = now;
        while (at < window.End)
        {
            if (freezes.Where(f => f.Start <= at && at < f.End).Select(f => (DateTimeOffset?)f.End).Max() is { } thawed)
            {
                at = thawed;
                continue;
            }

            var until = freezes.Where(f => f.Start > at && f.Start < window.End).Select(f => (DateTimeOffset?)f.Start).Min() ?? window.End;
            if (until - at >= input.MinimumDuration)
            {
                return (at, until);
            }

            at = until;
        }

        return null;
    }

    /// <summary>Why a window offers no usable stretch: the freeze that covers the most of what was left, or too little time.</summary>
    private static string Blocker(Input input, MaintenanceWindow window, DateTimeOffset now)
    {
        var freeze = (input.Freezes ?? [])
            .Where(f => f.Start < window.End && f.End > now)
            .MaxBy(f => (f.End < window.End ? f.End : window.End) - (f.Start > now ? f.Start : now));
        return freeze is null
            ? $"less than the minimum {XmlConvert.ToString(input.MinimumDuration)} left"
            : $"change freeze {Show(freeze.Start)} to {Show(freeze.End)}{(freeze.Reason.Length > 0 ? ": " + freeze.Reason : "")}";
    }

    private static string Show(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    public sealed record Input
    {
        [Description("Start of a fixed window (ISO 8601 with offset); with end.")]
        public DateTimeOffset? Start { get; init; }

        [Description("End of a fixed window; with start.")]
        public DateTimeOffset? End { get; init; }

        [Description("Recurring windows instead of a fixed one: a cron expression of 5 fields (minute hour day month weekday) or 6 (seconds first), e.g. 0 22 * * SAT.")]
        [Format(ValueFormat.Cron)]
        public string? Schedule { get; init; }

        [Description("How long each scheduled window lasts (ISO 8601, e.g. PT4H); required with schedule, ignored for a fixed window.")]
        public TimeSpan? Duration { get; init; }

        [Description("IANA time zone the schedule is read in, e.g. Europe/Paris; UTC by default.")]
        [Format(ValueFormat.TimeZone)]
        public string TimeZone { get; init; } = "UTC";

        [Description("AWS SSM Change Calendar names or ARNs: while any is CLOSED (a freeze) no window is used.")]
        public IReadOnlyList<string>? CalendarNames { get; init; } = [];

        [Description("Freezes declared in the workflow: [{ start, end, reason }].")]
        public IReadOnlyList<ChangeFreeze>? Freezes { get; init; } = [];

        [Description("The least time a window must still offer, before its end, a freeze or a calendar closing, to be used (ISO 8601); PT30M by default.")]
        public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromMinutes(30);

        [Description("When no usable window has opened by this instant, continue on Missed; no deadline when absent.")]
        public DateTimeOffset? Deadline { get; init; }

        [Description("How many occurrences of the schedule may be tried before continuing on Missed; 4 by default.")]
        public int MaxWindows { get; init; } = 4;

        [Description("While a change calendar is closed inside a window, how often it is read again (ISO 8601), or at its next transition when sooner; PT15M by default.")]
        public TimeSpan CalendarPollInterval { get; init; } = TimeSpan.FromMinutes(15);
    }

    public sealed record Output
    {
        [Description("Start of the window being used (or, on Missed, the last one considered).")]
        public DateTimeOffset? WindowStart { get; init; }

        [Description("End of that window.")]
        public DateTimeOffset? WindowEnd { get; init; }

        [Description("When the wait ended on Open.")]
        public DateTimeOffset? OpenedAt { get; init; }

        [Description("When the window ends, a freeze begins or a calendar closes, whichever comes first: the change should be done by then.")]
        public DateTimeOffset? UsableUntil { get; init; }

        [Description("Windows passed over: [{ windowStart, windowEnd, reason }].")]
        public required IReadOnlyList<SkippedWindow> Skipped { get; init; }

        [Description("Why no window was used, on Missed; empty on Open.")]
        public required string Reason { get; init; }
    }
}
