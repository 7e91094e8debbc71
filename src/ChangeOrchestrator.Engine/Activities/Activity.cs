using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// An activity with typed inputs (bound from the evaluated JSON inputs) and typed outputs (published as
/// <c>steps.&lt;activity id&gt;.&lt;output&gt;</c>). Expected results are outcomes; exceptions are faults.
/// </summary>
public abstract class Activity<TInput, TOutput> : IActivity
    where TInput : class
    where TOutput : class
{
    public abstract ValueTask<ActivityResult> ExecuteAsync(ActivityContext<TInput> context, CancellationToken cancellationToken);

    ValueTask<ActivityResult> IActivity.ExecuteAsync(ActivityContext context, CancellationToken cancellationToken) =>
        ExecuteAsync(new ActivityContext<TInput>(context, ActivityJson.Bind<TInput>(context.Inputs, context.ActivityId)), cancellationToken);

    protected static ActivityResult Outcome(string outcome, TOutput output) =>
        ActivityResult.Outcome(outcome, ActivityJson.ToNode(output)?.AsObject());

    protected static ActivityResult Done(TOutput output) => Outcome(ActivityResult.DoneOutcome, output);

    /// <summary>
    /// An outcome whose output has lists the activity wrote while it ran (<see cref="ActivityContext.WriteList"/>):
    /// each value of <paramref name="written"/> replaces the output's property of that JSON name.
    /// </summary>
    protected static ActivityResult Outcome(string outcome, TOutput output, IReadOnlyDictionary<string, JsonNode> written)
    {
        var node = ActivityJson.ToNode(output)!.AsObject();
        foreach (var (name, value) in written)
        {
            node[name] = value;
        }

        return ActivityResult.Outcome(outcome, node);
    }
}

/// <summary>An activity with typed inputs and no outputs.</summary>
public abstract class Activity<TInput> : Activity<TInput, NoOutput>
    where TInput : class
{
    protected static ActivityResult Outcome(string outcome) => ActivityResult.Outcome(outcome);

    protected static ActivityResult Done() => ActivityResult.Outcome(ActivityResult.DoneOutcome);
}
