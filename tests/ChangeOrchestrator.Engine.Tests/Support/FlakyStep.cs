using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>Fails its first <c>failures</c> attempts (transient or permanent), then succeeds; counts attempts in the log.</summary>
[Activity("Fails a number of times, then succeeds.", Category = "Test")]
internal sealed class FlakyStep(SideEffectLog log) : Activity<FlakyStep.Input>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        log.Add(context.Input.Label, $"attempt {context.Attempt}");
        if (log.Count(context.Input.Label) <= context.Input.Failures)
        {
            throw new ActivityException($"{context.Input.Label} failed", context.Input.Transient);
        }

        return ValueTask.FromResult(Done());
    }

    public sealed record Input
    {
        [Description("Label counted in the log.")]
        public required string Label { get; init; }

        [Description("How many executions fail.")]
        public int Failures { get; init; }

        [Description("Whether the failures are transient.")]
        public bool Transient { get; init; } = true;
    }
}
