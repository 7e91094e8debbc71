namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// A scenario that chooses how often it runs: one whose every run starts fresh processes gains nothing from the
/// unmeasured warm-up repetition, and one that takes minutes per run is run fewer times than the others.
/// </summary>
internal interface ISelfRepeatingScenario
{
    int Repetitions { get; }

    bool WarmUp { get; }
}
