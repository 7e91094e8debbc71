using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// Records progress on a change. A move is safe to repeat (a change already there stays put); the work note is
/// marked in the activity's state once written, so a retry after a later failure does not write it again.
/// </summary>
[Activity("Adds a work note to a change (progress for the people working it) and optionally moves it to implement or review.", Category = "Change requests")]
public sealed class UpdateChangeRequest(IServiceDeskResolver desks) : PatchingActivity<UpdateChangeRequest.Input, UpdateChangeRequest.Output>
{
    private const string NotedKey = "noted";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        var change = ServiceDeskLookup.Reference(desk, input.Number, context);
        if (string.IsNullOrWhiteSpace(input.WorkNote) && input.MoveTo is null)
        {
            throw new ActivityException($"UpdateChangeRequest '{context.ActivityId}' needs a work note, a move, or both.", isTransient: false);
        }

        context.BeginExecution();
        switch (input.MoveTo)
        {
            case ChangeMove.Implement:
                await desk.MoveToImplementAsync(change, cancellationToken);
                break;
            case ChangeMove.Review:
                await desk.MoveToReviewAsync(change, cancellationToken);
                break;
        }

        if (!string.IsNullOrWhiteSpace(input.WorkNote) && context.State[NotedKey] is null)
        {
            await desk.AddWorkNoteAsync(change, input.WorkNote, IdempotencyTokens.From(context.IdempotencyKey), cancellationToken);
            context.State[NotedKey] = true;
        }

        var status = await desk.GetChangeAsync(change, cancellationToken);
        return Done(new Output { State = status.State, DeskState = status.DeskState });
    }

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The change number, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("An internal note for the people working the change.")]
        public string? WorkNote { get; init; }

        [Description("implement or review; leaves the state alone when absent.")]
        public ChangeMove? MoveTo { get; init; }
    }

    public sealed record Output
    {
        public required ChangeState State { get; init; }

        public required string DeskState { get; init; }
    }
}
