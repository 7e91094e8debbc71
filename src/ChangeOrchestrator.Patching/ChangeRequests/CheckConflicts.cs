using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using ChangeOrchestrator.Patching.Windows;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Asks the desk what overlaps a change's window on its servers (other open changes, blackouts; maintenance
/// schedules are only reported) and applies the conflict policy: move to the next window of the schedule that is
/// free, go on with the conflicts listed, or stop. Given the number of a change already raised, the change itself is
/// left out of the search, and a move or a conflict is written on it (its planned dates follow a move).
/// </summary>
[Activity("Checks the service desk for other changes on the same servers and blackouts in the window (maintenance schedules are reported, never blocking) and applies onConflict: Moved to the next free window of the schedule, Conflicting (go on, conflicts listed), or Blocked (stop). With a change number, that change is left out, rescheduled on a move and given a work note.", Category = "Change requests")]
[Outcomes("Clear", "Moved", "Conflicting", "Blocked")]
public sealed class CheckConflicts(IServiceDeskResolver desks) : PatchingActivity<CheckConflicts.Input, CheckConflicts.Output>
{
    private const string NotedKey = "noted";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input with { Servers = ServerSelection.Among(context.Input.Servers, context.Input.OnlyInstanceIds) };
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        if (input.WindowEnd <= input.WindowStart)
        {
            throw new ActivityException($"CheckConflicts '{context.ActivityId}': windowEnd {input.WindowEnd:O} must be after windowStart {input.WindowStart:O}.", isTransient: false);
        }

        context.BeginExecution();
        var correlationId = input.CorrelationId ?? context.InstanceId;
        var (conflicts, notices) = await AskAsync(desk, input, correlationId, input.WindowStart, input.WindowEnd, cancellationToken);
        if (conflicts.Count == 0)
        {
            context.Journal(notices.Count == 0 ? "No conflict in the window" : $"No conflict in the window; {notices.Count} maintenance schedules overlap");
            return Outcome("Clear", Result(input.WindowStart, input.WindowEnd, conflicts, notices, [], ""));
        }

        context.Journal($"{conflicts.Count} conflicts in the window: {string.Join("; ", conflicts.Select(c => c.Describe()))}");
        switch (input.OnConflict)
        {
            case ConflictPolicy.RaiseWithConflicts:
                await NoteAsync(context, desk, $"Conflicts in the planned window, going ahead as the policy says (raiseWithConflicts): {Lines(conflicts)}", cancellationToken);
                return Outcome("Conflicting", Result(input.WindowStart, input.WindowEnd, conflicts, notices, [], "the window conflicts; going ahead as the policy says"));
            case ConflictPolicy.Stop:
                return Blocked(context, input, conflicts, notices, [], $"the window conflicts with {Lines(conflicts)}; the policy says stop");
        }

        var skipped = new List<SkippedWindow> { Skip(input.WindowStart, input.WindowEnd, conflicts) };
        if (string.IsNullOrWhiteSpace(input.Schedule))
        {
            return Blocked(context, input, conflicts, notices, skipped, $"the window conflicts with {Lines(conflicts)}, and no schedule gives a next window");
        }

        var plan = WindowPlan.From(new WaitForMaintenanceWindow.Input { Schedule = input.Schedule, Duration = input.Duration, TimeZone = input.TimeZone }, context.ActivityId);
        // Only windows that start later (and not before now) are candidates: one under way would be cut short.
        var from = input.WindowStart > context.Now ? input.WindowStart : context.Now;
        MaintenanceWindow? window = new(from, from + (input.WindowEnd - input.WindowStart), 1);
        for (var tried = 0; tried < input.MaxWindows; tried++)
        {
            window = plan.Next(window, context.Now);
            if (window is null)
            {
                break;
            }

            var (later, laterNotices) = await AskAsync(desk, input, correlationId, window.Start, window.End, cancellationToken);
            if (later.Count > 0)
            {
                skipped.Add(Skip(window.Start, window.End, later));
                continue;
            }

            var reason = $"the window {ConflictTimes.Show(input.WindowStart)} to {ConflictTimes.Show(input.WindowEnd)} conflicts with {Lines(conflicts)}; moved to {ConflictTimes.Show(window.Start)} to {ConflictTimes.Show(window.End)}, the next window free of conflicts";
            if (input.Number is { Length: > 0 } number)
            {
                await desk.RescheduleAsync(ServiceDeskLookup.Reference(desk, number, context), window.Start, window.End, cancellationToken);
                await NoteAsync(context, desk, "Rescheduled: " + reason + ".", cancellationToken);
            }

            context.Journal("Moved: " + reason);
            return Outcome("Moved", Result(window.Start, window.End, conflicts, laterNotices, skipped, reason));
        }

        return Blocked(context, input, conflicts, notices, skipped, $"the window conflicts with {Lines(conflicts)}, and none of the next {input.MaxWindows} windows of the schedule is free");
    }

    private static async Task<(List<ChangeConflict> Conflicts, List<ChangeConflict> Notices)> AskAsync(
        IServiceDesk desk, Input input, string correlationId, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var found = await desk.FindConflictsAsync(new ConflictQuery
        {
            Servers = input.Servers,
            Start = start,
            End = end,
            CorrelationId = correlationId,
            Number = input.Number,
        }, cancellationToken);
        return ([.. found.Where(c => c.Blocking)], [.. found.Where(c => !c.Blocking)]);
    }

    private static ActivityResult Blocked(
        ActivityContext<Input> context, Input input, List<ChangeConflict> conflicts, List<ChangeConflict> notices, List<SkippedWindow> skipped, string reason)
    {
        context.Journal("Blocked: " + reason);
        return Outcome("Blocked", Result(input.WindowStart, input.WindowEnd, conflicts, notices, skipped, reason));
    }

    /// <summary>A work note on the change being checked, once per execution.</summary>
    private static async Task NoteAsync(ActivityContext<Input> context, IServiceDesk desk, string text, CancellationToken cancellationToken)
    {
        if (context.Input.Number is not { Length: > 0 } number || context.State[NotedKey] is not null)
        {
            return;
        }

        await desk.AddWorkNoteAsync(ServiceDeskLookup.Reference(desk, number, context), text, IdempotencyTokens.From(context.IdempotencyKey), cancellationToken);
        context.State[NotedKey] = true;
    }

    private static SkippedWindow Skip(DateTimeOffset start, DateTimeOffset end, List<ChangeConflict> conflicts) =>
        new() { WindowStart = start, WindowEnd = end, Reason = "conflicts with " + Lines(conflicts) };

    private static string Lines(IEnumerable<ChangeConflict> conflicts) => string.Join("; ", conflicts.Select(c => c.Describe()));

    private static Output Result(
        DateTimeOffset start, DateTimeOffset end, List<ChangeConflict> conflicts, List<ChangeConflict> notices, List<SkippedWindow> skipped, string reason)
    {
        var summary = new List<string>();
        if (conflicts.Count > 0)
        {
            summary.Add($"Conflicts: {Lines(conflicts)}.");
        }

        if (notices.Count > 0)
        {
            summary.Add($"Maintenance schedules in the window: {Lines(notices)}.");
        }

        return new Output
        {
            WindowStart = start,
            WindowEnd = end,
            Conflicts = conflicts,
            Notices = notices,
            Skipped = skipped,
            Summary = string.Join(" ", summary),
            Reason = reason,
        };
    }

    public sealed record Input
    {
        [Description("The service desk that holds the changes: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The servers the change touches: [{ instanceId, name }].")]
        public required IReadOnlyList<AffectedServer> Servers { get; init; }

        [Description("Only the servers with these ids, e.g. the patch targets among the resolved servers; all of them when empty.")]
        public IReadOnlyList<string> OnlyInstanceIds { get; init; } = [];

        [Description("Start of the window to check.")]
        public required DateTimeOffset WindowStart { get; init; }

        [Description("End of the window to check; after its start.")]
        public required DateTimeOffset WindowEnd { get; init; }

        [Description("nextWindow (default: the next free window of the schedule, else stop), raiseWithConflicts or stop.")]
        public ConflictPolicy OnConflict { get; init; } = ConflictPolicy.NextWindow;

        [Description("The recurring windows a conflicting change may move to: a cron expression of 5 or 6 fields.")]
        [Format(ValueFormat.Cron)]
        public string? Schedule { get; init; }

        [Description("How long each window of the schedule lasts (ISO 8601); required with schedule.")]
        public TimeSpan? Duration { get; init; }

        [Description("IANA time zone the schedule is read in; UTC by default.")]
        [Format(ValueFormat.TimeZone)]
        public string TimeZone { get; init; } = "UTC";

        [Description("How many later windows of the schedule are tried before the change is blocked; 8 by default.")]
        [Range(1, 52)]
        public int MaxWindows { get; init; } = 8;

        [Description("The change already raised for this work: left out of the search, rescheduled on a move, told of conflicts in a work note.")]
        public string? Number { get; init; }

        [Description("The correlation id of this work's change (the workflow instance id when absent): never its own conflict.")]
        public string? CorrelationId { get; init; }
    }

    public sealed record Output
    {
        [Description("Start of the window to use: the one checked, or on Moved the next free one.")]
        public required DateTimeOffset WindowStart { get; init; }

        [Description("End of the window to use.")]
        public required DateTimeOffset WindowEnd { get; init; }

        [Description("Other changes and blackouts that overlap the window checked: [{ kind, reference, title, start, end, servers }].")]
        public required IReadOnlyList<ChangeConflict> Conflicts { get; init; }

        [Description("Maintenance schedules that overlap the window used: reported, not blocking.")]
        public required IReadOnlyList<ChangeConflict> Notices { get; init; }

        [Description("Windows passed over because of conflicts: [{ windowStart, windowEnd, reason }].")]
        public required IReadOnlyList<SkippedWindow> Skipped { get; init; }

        [Description("The conflicts and notices in sentences, for the change's description or a work note; empty when there are none.")]
        public required string Summary { get; init; }

        [Description("Why the change moved, goes ahead or stops; empty when clear.")]
        public required string Reason { get; init; }
    }
}
