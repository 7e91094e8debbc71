namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>One activity of the change as its journal shows it: when it first started and when it last ended, from the instance's start.</summary>
internal sealed record StepSpan(string ActivityId, double StartSeconds, double EndSeconds)
{
    public double Seconds => EndSeconds - StartSeconds;
}
