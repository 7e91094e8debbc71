using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

/// <summary>
/// Merges parallel branches. In <c>all</c> mode it continues once each distinct activity connected into it has
/// arrived; in <c>any</c> mode it continues on the first and the interpreter cancels the other branches leading into it.
/// </summary>
[Activity("Merges parallel branches: all waits for every incoming branch, any continues on the first and cancels the rest.", Category = "Flow")]
public sealed class Join : Activity<Join.Input, Join.Output>
{
    private const string ArrivedKey = "arrived";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var from = context.ArrivedFrom ?? string.Empty;
        if (context.Input.Mode == JoinMode.Any)
        {
            return ValueTask.FromResult(Done(new Output { Arrived = [from] }).CancellingOtherBranches());
        }

        var arrived = context.State[ArrivedKey] as JsonArray ?? [];
        if (!arrived.Any(a => a?.GetValue<string>() == from))
        {
            arrived.Add(from);
        }

        var expected = context.IncomingSources;
        if (expected.All(source => arrived.Any(a => a?.GetValue<string>() == source)))
        {
            context.State.Remove(ArrivedKey);
            return ValueTask.FromResult(Done(new Output { Arrived = arrived.Select(a => a!.GetValue<string>()).ToList() }));
        }

        context.State[ArrivedKey] = arrived.DeepClone();
        return ValueTask.FromResult(ActivityResult.Pending());
    }

    public sealed record Input
    {
        [Description("all: wait for every incoming branch; any: continue on the first and cancel the others.")]
        public JoinMode Mode { get; init; } = JoinMode.All;
    }

    public sealed record Output
    {
        [Description("The activities that arrived, in order.")]
        public required IReadOnlyList<string> Arrived { get; init; }
    }
}
