using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

[Activity("Continues on the case equal to a value, or on Default when none is.", Category = "Flow")]
[Outcomes("Default", FromInput = "cases")]
public sealed class Switch : Activity<Switch.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var value = context.Input.Value switch
        {
            null => null,
            JsonValue scalar when scalar.TryGetValue<string>(out var text) => text,
            var other => other.ToJsonString(),
        };
        var match = context.Input.Cases.FirstOrDefault(c => string.Equals(c, value, StringComparison.Ordinal));
        return ValueTask.FromResult(Outcome(match ?? "Default"));
    }

    public sealed record Input
    {
        [Description("The value to compare with each case (compared as text).")]
        public JsonNode? Value { get; init; }

        [Description("The cases; each is also the name of an outcome.")]
        public required IReadOnlyList<string> Cases { get; init; }
    }
}
