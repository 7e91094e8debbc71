using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

[Activity("Passes the test's gate: waits until it opens when the gate holds this label, at once otherwise.", Category = "Test")]
internal sealed class GatedStep(StepGate gate) : Activity<GatedStep.Input>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        await gate.PassAsync(context.Input.Label, cancellationToken);
        return Done();
    }

    public sealed record Input
    {
        [Description("Label of the step at the gate.")]
        public required string Label { get; init; }
    }
}
