namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>Whether a target was met by the median of its figure; null when the figure was not measured.</summary>
internal sealed record TargetVerdict(string Scenario, string Description, string Figure, double AtLeast, double? Median, double? Min, double? Max, bool? Met)
{
    public static TargetVerdict For(string scenario, Target target, IReadOnlyList<FigureSummary> figures)
    {
        var figure = figures.FirstOrDefault(f => f.Name == target.Figure);
        return new TargetVerdict(scenario, target.Description, target.Figure, target.AtLeast,
            figure?.Median, figure?.Min, figure?.Max, figure is null ? null : figure.Median >= target.AtLeast);
    }
}
