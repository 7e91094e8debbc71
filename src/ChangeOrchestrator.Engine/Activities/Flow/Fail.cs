using System.ComponentModel;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Stops the instance with an incident and a reason; an operator can retry or cancel it.", Category = "Flow")]
public sealed class Fail : Activity<Fail.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken) =>
        throw new ActivityException(context.Input.Reason, isTransient: false);

    public sealed record Input
    {
        [Description("Why the workflow fails; shown in the incident and the journal.")]
        public required string Reason { get; init; }
    }
}
