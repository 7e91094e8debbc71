using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Windows;

/// <summary>A maintenance window that was passed over, and why.</summary>
public sealed record SkippedWindow
{
    public required DateTimeOffset WindowStart { get; init; }

    public required DateTimeOffset WindowEnd { get; init; }

    [Description("A freeze, a closed change calendar, or too little time left.")]
    public required string Reason { get; init; }
}
