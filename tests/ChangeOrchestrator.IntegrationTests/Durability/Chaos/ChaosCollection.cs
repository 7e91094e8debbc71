namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The patch-change chaos run runs alone, after the tests that run side by side: its two server processes, its own
/// PostgreSQL and its simulators want the machine's cores, and a change slowed by unrelated tests would only blur
/// the stalls it reports.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ChaosCollection
{
    public const string Name = "Chaos run";
}
