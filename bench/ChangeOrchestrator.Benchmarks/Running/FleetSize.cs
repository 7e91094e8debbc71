using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// One run of the fleet scenario: about <see cref="Targets"/> Prod servers, with the simulators' clock running
/// <see cref="TimeScale"/> times faster than real time. Written <c>10000</c> (the default clock) or <c>10000@100</c>.
/// </summary>
internal sealed record FleetSize(int Targets, double TimeScale = FleetSize.DefaultTimeScale)
{
    /// <summary>Simulated seconds per real second by default: the fleet's hours of scans, snapshots and installs take seconds.</summary>
    public const double DefaultTimeScale = 1000;

    public const double SlowestTimeScale = 1;

    public bool DefaultClock => TimeScale.Equals(DefaultTimeScale);

    /// <summary>How the figures name the run: <c>10k</c>, or <c>10k@100</c> on another clock.</summary>
    public string Label => (Targets >= 1_000 ? $"{Targets / 1_000}k" : Targets.ToString(CultureInfo.InvariantCulture))
        + (DefaultClock ? "" : string.Create(CultureInfo.InvariantCulture, $"@{TimeScale:0.##}"));

    /// <summary>Reads <c>n</c> or <c>n@scale</c>; null when it is neither, or out of the ranges given.</summary>
    public static FleetSize? TryParse(string text, int mostTargets)
    {
        var parts = text.Split('@');
        if (parts.Length > 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var targets) || targets < 10 || targets > mostTargets)
        {
            return null;
        }

        if (parts.Length == 1)
        {
            return new FleetSize(targets);
        }

        return double.TryParse(parts[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var scale) && scale is >= SlowestTimeScale and <= DefaultTimeScale
            ? new FleetSize(targets, scale)
            : null;
    }
}
