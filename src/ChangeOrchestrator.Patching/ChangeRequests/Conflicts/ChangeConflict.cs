using System.ComponentModel;

namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

/// <summary>Something in the service desk that overlaps a change's window.</summary>
public sealed record ChangeConflict
{
    [Description("change, blackout or maintenance.")]
    public required ConflictKind Kind { get; init; }

    [Description("The other change's number (CHG0030012, ITOPS-7) or the schedule's name.")]
    public required string Reference { get; init; }

    [Description("The other change's short description, or the schedule span's name.")]
    public string Title { get; init; } = "";

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    [Description("Our servers the other change also touches; empty for a schedule, which holds for every server.")]
    public IReadOnlyList<string> Servers { get; init; } = [];

    [Description("True for changes and blackouts; a maintenance schedule is only reported.")]
    public bool Blocking => Kind != ConflictKind.Maintenance;

    /// <summary>One line for a change's description or a work note.</summary>
    public string Describe()
    {
        var what = Kind switch
        {
            ConflictKind.Change => $"change {Reference}",
            ConflictKind.Blackout => $"blackout schedule {Reference}",
            _ => $"maintenance schedule {Reference}",
        };
        var title = Title.Length > 0 ? $" ({Title})" : "";
        var servers = Servers.Count > 0 ? $" on {string.Join(", ", Servers)}" : "";
        return $"{what}{title} {ConflictTimes.Show(Start)} to {ConflictTimes.Show(End)}{servers}";
    }
}
