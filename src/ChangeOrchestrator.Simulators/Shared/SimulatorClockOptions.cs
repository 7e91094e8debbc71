using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Simulators.Shared;

/// <summary>Configuration section <c>Simulators:Clock</c>.</summary>
public sealed class SimulatorClockOptions
{
    public const string Section = "Simulators:Clock";

    /// <summary>How many simulated seconds pass per real second: 1800 makes a 30-minute patch run take one second.</summary>
    [Range(0.001, 1_000_000)]
    public double TimeScale { get; set; } = 60;
}
