using System.ComponentModel;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Waits until an instant; continues at once when it has passed.", Category = "Time")]
[Suspends]
public sealed class WaitUntil : Activity<WaitUntil.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(context.Resumption is null && context.Input.At > context.Now
            ? ActivityResult.Suspend(Bookmark.At(context.Input.At))
            : Done());

    public sealed record Input
    {
        [Description("The instant, ISO 8601 with offset (2026-12-01T22:00:00Z).")]
        public required DateTimeOffset At { get; init; }
    }
}
