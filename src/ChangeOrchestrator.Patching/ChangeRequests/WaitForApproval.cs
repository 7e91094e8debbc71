using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.ChangeRequests.Events;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Waits for the approval of a change without holding a thread. An <c>approval</c> event keyed
/// <c>desk:number</c> (from the desk's webhook) resumes it at once; a poll timer reads the change in the desk as a
/// safety net for a webhook that never came. Either way the decision is the one the desk shows: an event only says
/// when to look, so neither a forged event nor a caller of the engine's own event API can approve a change.
/// Nothing is created, so a re-run only reads again.
/// </summary>
[Activity("Waits for the approval of a change decided in the service desk: an approval event (desk:number) makes it read the desk at once, and the desk is polled every pollInterval in case no event comes; continues on TimedOut after the timeout.", Category = "Change requests")]
[Outcomes("Approved", "Rejected", "TimedOut")]
[Suspends]
public sealed class WaitForApproval(IServiceDeskResolver desks) : PatchingActivity<WaitForApproval.Input, WaitForApproval.Output>
{
    /// <summary>The kind of the stimulus that reports a decision; its key is <c>desk:number</c>.</summary>
    public const string EventKind = ChangeStimuli.Approval;

    private const string DeadlineKey = "deadline";

    private const string TimeoutBookmark = "timeout";

    private const string PolledKey = "polled";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        var change = ServiceDeskLookup.Reference(desk, input.Number, context);
        context.BeginExecution();
        if (context.State[DeadlineKey] is null && input.Timeout is { } timeout)
        {
            context.Write(DeadlineKey, context.Now + timeout);
        }

        if (context.Resumption?.Bookmark.Name == PollSchedule.PollBookmark)
        {
            context.State[PolledKey] = Polled(context) + 1;
        }

        var announced = context.Resumption is { Bookmark.IsTimer: false } resumption ? FromEvent(resumption.Payload) : null;

        // Whatever woke the activity (a start, an event, a poll, the timeout), the desk says where the approval stands.
        var status = await desk.GetChangeAsync(change, cancellationToken);
        if (FromDesk(status) is { } decided)
        {
            return announced is null
                ? Finish(context, decided, context.Resumption is { Bookmark.IsTimer: false } ? "event" : "desk")
                : Finish(context, decided with { DecidedBy = decided.DecidedBy ?? announced.By, Comment = decided.Comment ?? announced.Comment }, "event");
        }

        if (announced is not null)
        {
            context.Journal($"An event reported {change} {announced.Decision.ToString().ToLowerInvariant()}, but the desk shows no decision yet; still waiting");
        }

        var deadline = context.Read<DateTimeOffset?>(DeadlineKey);
        if (deadline is { } due && context.Now >= due)
        {
            context.Journal($"No decision on {change} by {due:O}");
            return Outcome("TimedOut", new Output { Decision = status.Approval.Decision, Polls = Polled(context) });
        }

        var next = PollSchedule.Next(context, input.PollInterval, input.PollInterval);
        var bookmarks = new List<Bookmark>(next.Bookmarks) { Bookmark.For(EventKind, change.ToString()) };
        if (deadline is { } end)
        {
            bookmarks.Add(Bookmark.At(end, TimeoutBookmark));
        }

        return ActivityResult.Suspend([.. bookmarks]);
    }

    private static ActivityResult Finish(ActivityContext context, ApprovalStatus approval, string source)
    {
        var approved = approval.Decision == ApprovalDecision.Approved;
        context.Journal($"{(approved ? "Approved" : "Rejected")}{(approval.DecidedBy is { } by ? " by " + by : "")} ({source})");
        return Outcome(approved ? "Approved" : "Rejected", new Output
        {
            Decision = approval.Decision,
            DecidedBy = approval.DecidedBy,
            DecidedAt = approval.DecidedAt,
            Comment = approval.Comment,
            Source = source,
            Polls = Polled(context),
        });
    }

    /// <summary>The decision an event reports, e.g. <c>{ "decision": "approved", "by": "...", "comment": "..." }</c>; null when it reports none.</summary>
    private static AnnouncedDecision? FromEvent(JsonNode? payload)
    {
        var decision = Text(payload?["decision"])?.ToUpperInvariant() switch
        {
            "APPROVED" => ApprovalDecision.Approved,
            "REJECTED" => ApprovalDecision.Rejected,
            _ => (ApprovalDecision?)null,
        };
        return decision is { } known ? new AnnouncedDecision(known, Text(payload?["by"]), Text(payload?["comment"])) : null;
    }

    /// <summary>A decision the desk shows; a change cancelled there will not be approved any more.</summary>
    private static ApprovalStatus? FromDesk(ChangeRequestStatus status) =>
        status.Approval.Decision is ApprovalDecision.Approved or ApprovalDecision.Rejected ? status.Approval
        : status.State == ChangeState.Cancelled ? new ApprovalStatus(ApprovalDecision.Rejected, Comment: $"{status.Reference} was cancelled in the desk ({status.DeskState}).")
        : null;

    private static int Polled(ActivityContext context) => context.State[PolledKey]?.GetValue<int>() ?? 0;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>What an event claims; it names who and why when the desk's record does not.</summary>
    private sealed record AnnouncedDecision(ApprovalDecision Decision, string? By, string? Comment);

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The change number, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("How often the desk is read in case no approval event comes (ISO 8601); PT5M by default.")]
        public TimeSpan PollInterval { get; init; } = TimeSpan.FromMinutes(5);

        [Description("How long to wait before continuing on TimedOut (ISO 8601); waits for a decision forever when absent.")]
        public TimeSpan? Timeout { get; init; }
    }

    public sealed record Output
    {
        [Description("approved or rejected; pending or notRequested when timed out.")]
        public required ApprovalDecision Decision { get; init; }

        public string? DecidedBy { get; init; }

        public DateTimeOffset? DecidedAt { get; init; }

        public string? Comment { get; init; }

        [Description("What reported the decision: event or desk (a poll).")]
        public string? Source { get; init; }

        [Description("How many times the desk was polled.")]
        public int Polls { get; init; }
    }
}
