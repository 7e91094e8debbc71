using System.Text.Json.Serialization;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Server.Policies;

/// <summary>
/// <c>GET /api/policy</c>: whether a policy is loaded and from which folder, and when it is, its baselines, patch
/// groups, maintenance windows, SLAs and exceptions.
/// </summary>
public sealed record LoadedPolicy(bool Loaded, string? Folder)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<LoadedBaseline>? Baselines { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<LoadedPatchGroup>? PatchGroups { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<LoadedWindow>? MaintenanceWindows { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ComplianceSla>? Slas { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IEnumerable<LoadedException>? Exceptions { get; init; }

    public static LoadedPolicy From(PatchPolicyHolder holder, DateTimeOffset now) => holder.Current is not { } policy
        ? new LoadedPolicy(false, null)
        : new LoadedPolicy(true, holder.Folder)
        {
            Baselines = policy.Baselines.Select(b => new LoadedBaseline(b.Name, b.OperatingSystem)),
            PatchGroups = policy.PatchGroups.Select(g => new LoadedPatchGroup(g.Name, g.Environment, g.Baselines, g.ChangePolicy.ChangeType.ToString(), g.ChangePolicy.RequiresApproval)),
            MaintenanceWindows = policy.MaintenanceWindows.Select(w => new LoadedWindow(w.Name, w.Schedule, w.TimeZone, w.Duration, w.Cutoff, w.PatchGroups)),
            Slas = policy.Slas,
            Exceptions = policy.Exceptions.Select(e => new LoadedException(e.Server, e.Patch, e.Cve, e.Approver, e.Expires, e.IsActive(now))),
        };
}
