using System.ComponentModel;
using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Engine.Activities.Flow;

/// <summary>
/// Ends a path with a named result, so that an instance that had nothing to do says so in its outputs
/// (<c>{ "result": "no-targets", "reason": ... }</c>) instead of looking like any other completed run.
/// </summary>
[Activity("Ends this path with a named result and its reason, shown in the instance's outputs and journal (e.g. no-targets).", Category = "Flow")]
public sealed class Finish : Activity<Finish.Input, Finish.Output>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        context.Journal($"{context.Input.Result}: {context.Input.Reason}");
        return ValueTask.FromResult(Done(new Output { Result = context.Input.Result, Reason = context.Input.Reason }));
    }

    public sealed record Input
    {
        [Description("A short, stable name of the result in lower case with dashes, e.g. no-targets or already-compliant.")]
        [RegularExpression("^[a-z][a-z0-9-]*$")]
        [MaxLength(64)]
        public required string Result { get; init; }

        [Description("Why, in a sentence a person reads in a list of instances.")]
        [MinLength(1)]
        public required string Reason { get; init; }
    }

    public sealed record Output
    {
        [Description("The name of the result.")]
        public required string Result { get; init; }

        [Description("Why.")]
        public required string Reason { get; init; }
    }
}
