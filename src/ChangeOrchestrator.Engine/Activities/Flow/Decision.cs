using System.ComponentModel;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Continues on True or False depending on a condition.", Category = "Flow")]
[Outcomes("True", "False")]
public sealed class Decision : Activity<Decision.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Outcome(context.Input.Condition ? "True" : "False"));

    public sealed record Input
    {
        [Description("The condition, usually an expression such as {\"js\": \"input.environment === 'Prod'\"}.")]
        public required bool Condition { get; init; }
    }
}
