namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>A scenario's figures over its repetitions, or the error that stopped it.</summary>
internal sealed record ScenarioResult(
    string Name,
    string Title,
    string Description,
    IReadOnlyList<string> Notes,
    int Repetitions,
    double Seconds,
    IReadOnlyList<FigureSummary> Figures,
    IReadOnlyList<TargetVerdict> Targets,
    string? Error);
