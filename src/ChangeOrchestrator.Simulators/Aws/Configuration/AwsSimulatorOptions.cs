using System.ComponentModel.DataAnnotations;
using ChangeOrchestrator.Simulators.Aws.Throttling;

namespace ChangeOrchestrator.Simulators.Aws.Configuration;

/// <summary>Configuration section <c>Simulators:Aws</c>: the simulated account, its fleet and how long things take.</summary>
public sealed class AwsSimulatorOptions
{
    public const string Section = "Simulators:Aws";

    /// <summary>Managed nodes and EC2 instances generated at start and on a reset without an explicit size.</summary>
    [Range(0, 120_000)]
    public int FleetSize { get; set; } = 40;

    /// <summary>Seed of the fleet generator: the same seed and size give the same fleet, ids included.</summary>
    public int Seed { get; set; } = 20250101;

    [Required]
    [RegularExpression("^[0-9]{12}$")]
    public string AccountId { get; set; } = "123456789012";

    [Required]
    public string Region { get; set; } = "us-east-1";

    /// <summary>Share of the fleet that is on-premises <c>mi-</c> nodes (SSM only, no EC2 side).</summary>
    [Range(0.0, 1.0)]
    public double HybridShare { get; set; } = 0.1;

    [Range(0.0, 1.0)]
    public double WindowsShare { get; set; } = 0.35;

    /// <summary>Share of nodes whose agent has stopped reporting (PingStatus ConnectionLost).</summary>
    [Range(0.0, 1.0)]
    public double OfflineAgentShare { get; set; } = 0.05;

    /// <summary>Share of EC2 instances that never registered with SSM (visible in EC2 only).</summary>
    [Range(0.0, 1.0)]
    public double UnmanagedShare { get; set; } = 0.03;

    /// <summary>Share of nodes that have never been scanned, so they report no patch state.</summary>
    [Range(0.0, 1.0)]
    public double NeverScannedShare { get; set; } = 0.05;

    /// <summary>Chance that one patch installation fails on its own, before any injected fault.</summary>
    [Range(0.0, 1.0)]
    public double PatchFailureRate { get; set; }

    /// <summary>
    /// The reference asks emulators to clamp MaxResults to the model limits; the real service answers
    /// ValidationException instead. True gives the real service's behaviour.
    /// </summary>
    public bool StrictPageSizeLimits { get; set; }

    /// <summary>Snapshots of one volume that may be pending at once before SnapshotCreationPerVolumeRateExceeded.</summary>
    [Range(1, 1000)]
    public int MaxPendingSnapshotsPerVolume { get; set; } = 5;

    public AwsDurationOptions Durations { get; set; } = new();

    /// <summary>The account's request rates per operation; a request over them is throttled as AWS throttles it.</summary>
    public AwsRateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Change Calendar documents; when none is configured one open calendar named ChangeFreeze exists.</summary>
    public List<ChangeCalendarOptions> Calendars { get; set; } = [];
}
