namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>A whole-system measurement, run several times; each run sets up and tears down what it measures.</summary>
internal interface IScenario
{
    /// <summary>Short name used by <c>--only</c> and in the reports.</summary>
    string Name { get; }

    string Title { get; }

    /// <summary>What the figures mean, in a sentence or two, for the report.</summary>
    string Description { get; }

    /// <summary>Conditions that matter when reading the figures (e.g. how the database is configured).</summary>
    IReadOnlyList<string> Notes { get; }

    IReadOnlyList<Target> Targets { get; }

    Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken);
}
