using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

internal static class NumberText
{
    /// <summary>Three significant figures or so: enough to compare, few enough to read.</summary>
    public static string Format(double value) => value switch
    {
        double.NaN => "n/a",
        _ when Math.Abs(value) >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        _ when Math.Abs(value) >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
