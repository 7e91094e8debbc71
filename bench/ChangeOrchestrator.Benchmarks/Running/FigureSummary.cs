namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>A figure over all repetitions: the median is the headline, min and max show the spread.</summary>
internal sealed record FigureSummary(string Name, string Unit, double Median, double Min, double Max, IReadOnlyList<double> Runs)
{
    /// <summary>Groups the repetitions' figures by name, in the order the scenario first reported them.</summary>
    public static IReadOnlyList<FigureSummary> Aggregate(IEnumerable<IReadOnlyList<Figure>> repetitions)
    {
        var byName = new Dictionary<string, (string Unit, List<double> Values)>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var figure in repetitions.SelectMany(r => r))
        {
            if (!byName.TryGetValue(figure.Name, out var entry))
            {
                entry = (figure.Unit, []);
                byName[figure.Name] = entry;
                order.Add(figure.Name);
            }

            entry.Values.Add(figure.Value);
        }

        return [.. order.Select(name =>
        {
            var (unit, values) = byName[name];
            return new FigureSummary(name, unit, Statistics.Median(values), values.Min(), values.Max(), values);
        })];
    }
}
