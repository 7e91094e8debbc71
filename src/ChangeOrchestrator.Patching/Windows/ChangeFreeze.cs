using System.ComponentModel;

namespace ChangeOrchestrator.Patching.Windows;

/// <summary>A period in which no change may start, e.g. a year-end freeze.</summary>
public sealed record ChangeFreeze
{
    [Description("When the freeze begins (inclusive).")]
    public required DateTimeOffset Start { get; init; }

    [Description("When the freeze ends (exclusive).")]
    public required DateTimeOffset End { get; init; }

    [Description("Why, e.g. year-end closing; quoted when a window is skipped.")]
    public string Reason { get; init; } = "";
}
