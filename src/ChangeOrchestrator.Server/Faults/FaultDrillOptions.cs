using System.ComponentModel.DataAnnotations;

namespace ChangeOrchestrator.Server.Faults;

/// <summary>
/// A fault drill (configuration section <c>FaultDrill</c>): kill or stall this node when it reaches a named point on
/// the way from a stimulus to its commit, to prove that nothing is lost or repeated. Refused in Production.
/// </summary>
internal sealed class FaultDrillOptions
{
    public const string Section = "FaultDrill";

    /// <summary>One of <c>FaultPoint.All</c>; none when empty.</summary>
    public string? Point { get; set; }

    public FaultDrillAction Action { get; set; } = FaultDrillAction.Kill;

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan Stall { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Shifts this node's clock (e.g. <c>00:05:00</c> or <c>-00:05:00</c>), to prove that leases and claims never trust it.</summary>
    [Range(typeof(TimeSpan), "-1.00:00:00", "1.00:00:00")]
    public TimeSpan ClockOffset { get; set; }

    /// <summary>How many passes of the point trigger the drill (a stall); 0 for every pass.</summary>
    [Range(0, int.MaxValue)]
    public int Times { get; set; } = 1;
}
