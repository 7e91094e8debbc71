using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Benchmarks.Resume;

[Activity("Records when the instance went on after its wait, for the resume benchmark.", Category = "Benchmark")]
internal sealed class MarkResumed(ResumeClock clock) : Activity<MarkResumed.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        clock.Mark(context.Input.Key);
        return ValueTask.FromResult(Done());
    }

    public sealed record Input
    {
        [Description("The key the instance waited on.")]
        public required string Key { get; init; }
    }
}
