using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Sets a workflow variable, readable afterwards as vars.<name>.", Category = "Flow")]
public sealed class SetVariable : Activity<SetVariable.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        context.SetVariable(context.Input.Name, context.Input.Value);
        return ValueTask.FromResult(Done());
    }

    public sealed record Input
    {
        [Description("Name of a variable declared in the workflow's variables.")]
        public required string Name { get; init; }

        [Description("The new value.")]
        public JsonNode? Value { get; init; }
    }
}
