using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

[Activity("Records a side effect in the test's log.", Category = "Test")]
internal sealed class RecordSideEffect(SideEffectLog log) : Activity<RecordSideEffect.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        log.Add(context.Input.Label, context.IdempotencyKey);
        return ValueTask.FromResult(Done());
    }

    public sealed record Input
    {
        [Description("Label of the effect.")]
        public required string Label { get; init; }
    }
}
