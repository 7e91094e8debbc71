using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>Cancels a change, for a workflow's cancel or failure path. A change already cancelled is left as it is.</summary>
[Activity("Cancels a change with a reason; continues on AlreadyClosed when the change was closed before and can no longer be cancelled.", Category = "Change requests")]
[Outcomes("Done", "AlreadyClosed")]
public sealed class CancelChangeRequest(IServiceDeskResolver desks) : PatchingActivity<CancelChangeRequest.Input, CancelChangeRequest.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        var desk = ServiceDeskLookup.Get(desks, input.Desk, context);
        var change = ServiceDeskLookup.Reference(desk, input.Number, context);
        if (string.IsNullOrWhiteSpace(input.Reason))
        {
            throw new ActivityException($"CancelChangeRequest '{context.ActivityId}' needs a reason.", isTransient: false);
        }

        var status = await desk.GetChangeAsync(change, cancellationToken);
        if (status.State == ChangeState.Closed)
        {
            context.Journal($"{change} was closed ({status.Outcome}) before it could be cancelled");
            return Outcome("AlreadyClosed", new Output { State = status.State, DeskState = status.DeskState });
        }

        if (status.State != ChangeState.Cancelled)
        {
            await desk.CancelAsync(change, input.Reason, cancellationToken);
            status = await desk.GetChangeAsync(change, cancellationToken);
            context.Journal($"Cancelled {change}: {input.Reason}");
        }

        return Done(new Output { State = status.State, DeskState = status.DeskState });
    }

    public sealed record Input
    {
        [Description("The service desk that holds the change: servicenow or jira.")]
        [EnumFrom("serviceDesks")]
        public required string Desk { get; init; }

        [Description("The change number, e.g. CHG0030001 or ITOPS-12.")]
        public required string Number { get; init; }

        [Description("Why the change is cancelled, written on the change.")]
        public required string Reason { get; init; }
    }

    public sealed record Output
    {
        public required ChangeState State { get; init; }

        public required string DeskState { get; init; }
    }
}
