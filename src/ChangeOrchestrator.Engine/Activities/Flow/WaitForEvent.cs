using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Waits for a stimulus of a kind and key (a webhook, an API call, a poll result), or for a timeout.", Category = "Events")]
[Outcomes("Received", "TimedOut")]
[Suspends]
public sealed class WaitForEvent : Activity<WaitForEvent.Input, WaitForEvent.Output>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (context.Resumption is not { } resumption)
        {
            var bookmarks = new List<Bookmark> { Bookmark.For(input.Kind, input.Key) };
            if (input.Timeout is { } timeout)
            {
                bookmarks.Add(Bookmark.At(context.Now + timeout, "timeout"));
            }

            return ValueTask.FromResult(ActivityResult.Suspend([.. bookmarks]));
        }

        return ValueTask.FromResult(resumption.Bookmark.IsTimer
            ? Outcome("TimedOut", new Output { ReceivedAt = null, Payload = null })
            : Outcome("Received", new Output { ReceivedAt = context.Now, Payload = resumption.Payload?.DeepClone() }));
    }

    public sealed record Input
    {
        [Description("Kind of stimulus, e.g. approval.")]
        public required string Kind { get; init; }

        [Description("Key of the stimulus, e.g. servicenow:CHG0030012.")]
        public required string Key { get; init; }

        [Description("How long to wait before continuing on TimedOut (ISO 8601); waits forever when absent.")]
        public TimeSpan? Timeout { get; init; }
    }

    public sealed record Output
    {
        [Description("The stimulus payload.")]
        public JsonNode? Payload { get; init; }

        [Description("When the stimulus arrived.")]
        public DateTimeOffset? ReceivedAt { get; init; }
    }
}
