using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.Reporting;

/// <summary>Everything one run measured, as written to latest.json and latest.md.</summary>
internal sealed record BenchReport(
    DateTimeOffset StartedAt,
    double Seconds,
    bool Quick,
    int Repetitions,
    string? Commit,
    MachineInfo Machine,
    string LoadAtStart,
    string LoadAtEnd,
    VersionInfo Versions,
    IReadOnlyList<PostgresServer> Servers,
    IReadOnlyList<ScenarioResult> Scenarios)
{
    public IReadOnlyList<TargetVerdict> Targets => [.. Scenarios.SelectMany(s => s.Targets)];
}
