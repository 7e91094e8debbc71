using System.ComponentModel;

namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

/// <summary>What attaching a change's servers as configuration items did.</summary>
public sealed record AffectedServers
{
    [Description("Instance ids now on the change as affected configuration items (attached now or before).")]
    public required IReadOnlyList<string> Attached { get; init; }

    [Description("Instance ids the desk has no configuration item for: reported, not attached.")]
    public required IReadOnlyList<string> NotFound { get; init; }
}
