using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Sets a workflow variable, readable afterwards as vars.<name>.", Category = "Flow")]
public sealed class SetVariable : Activity<SetVariable.Input>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        context.SetVariable(context.Input.Name, await context.ShareSettledListsAsync(context.Input.Value, cancellationToken));
        return Done();
    }

    public sealed record Input
    {
        [Description("Name of a variable declared in the workflow's variables.")]
        public required string Name { get; init; }

        [Description("The new value. A per-server list stored apart that can no longer change (the output of an activity outside any loop) is shared by reference, not copied.")]
        [StreamsResults]
        public JsonNode? Value { get; init; }
    }
}
