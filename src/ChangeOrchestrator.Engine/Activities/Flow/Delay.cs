using System.ComponentModel;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Waits for a duration without holding a thread; the instance is suspended on a timer.", Category = "Time")]
[Suspends]
public sealed class Delay : Activity<Delay.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Resumption is null
            ? ActivityResult.Suspend(Bookmark.At(context.Now + context.Input.Duration))
            : Done());

    public sealed record Input
    {
        [Description("How long to wait, as an ISO 8601 duration (PT30M).")]
        public required TimeSpan Duration { get; init; }
    }
}
