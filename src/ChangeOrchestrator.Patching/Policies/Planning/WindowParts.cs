using System.Text;
using ChangeOrchestrator.Patching.Assessment;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// What a maintenance window runs: per patch group it serves, a target (the servers tagged <c>Patch Group</c>) and
/// an AWS-RunPatchBaseline task with the group's MaxConcurrency and MaxErrors. A window that installed patches on
/// its own would bypass change management, so the task only scans, keeping compliance current for the SLAs and the
/// patch changes, unless the group's changes are pre-approved standard changes (no CAB): only then does the window
/// install, as the standing change that policy approved. Normal and emergency changes install through the patch
/// change, which raises and waits for the change request.
/// </summary>
public static class WindowParts
{
    /// <summary>What marks a target (owner information) or task (description) as registered by this product.</summary>
    public const string ManagedMarker = "managed-by=changeorchestrator";

    public const string PatchGroupTargetKey = "tag:Patch Group";

    public static IReadOnlyList<WindowTargetSpec> Targets(MaintenanceWindowPolicy window) =>
        [.. window.PatchGroups.Select(group => new WindowTargetSpec(window.Name, group, TargetName(group)))];

    public static IReadOnlyList<WindowTaskSpec> Tasks(PatchPolicy policy, MaintenanceWindowPolicy window) =>
    [
        .. window.PatchGroups.Select(group =>
        {
            var changePolicy = policy.Group(group)?.ChangePolicy;
            return new WindowTaskSpec(
                window.Name, group, TaskName(group), TargetName(group), Operation(changePolicy),
                changePolicy?.MaxConcurrency ?? RolloutResolver.DefaultMaxConcurrency, changePolicy?.MaxErrors ?? RolloutResolver.DefaultMaxErrors);
        }),
    ];

    /// <summary>Install for a pre-approved standard change; Scan for anything that needs an approved change request.</summary>
    public static string Operation(GroupChangePolicy? policy) =>
        policy is { ChangeType: ChangeType.Standard, RequiresApproval: false } ? "Install" : "Scan";

    public static SortedDictionary<string, string> Fields(WindowTargetSpec target) => new(StringComparer.Ordinal)
    {
        ["resourceType"] = "INSTANCE",
        ["targets"] = $"{PatchGroupTargetKey}=[{target.PatchGroup}]",
        ["ownerInformation"] = ManagedMarker,
    };

    public static SortedDictionary<string, string> Fields(WindowTaskSpec task) => new(StringComparer.Ordinal)
    {
        ["taskArn"] = WindowTaskSpec.Document,
        ["targets"] = $"window target {task.TargetName}",
        ["operation"] = task.Operation,
        ["rebootOption"] = task.RebootOption,
        ["maxConcurrency"] = task.MaxConcurrency,
        ["maxErrors"] = task.MaxErrors,
        ["priority"] = "1",
        ["cutoffBehavior"] = "CANCEL_TASK",
    };

    /// <summary>The task's description: the ownership marker first, then what it does, for people reading the console.</summary>
    public static string Description(WindowTaskSpec task) =>
        $"{ManagedMarker}: AWS-RunPatchBaseline {task.Operation} for patch group {task.PatchGroup}";

    /// <summary>A window's own fields with those of its targets and tasks, hashed together into the window's applied-hash tag.</summary>
    public static SortedDictionary<string, string> Combined(
        IReadOnlyDictionary<string, string> window, IEnumerable<(string Name, IReadOnlyDictionary<string, string> Fields)> targets,
        IEnumerable<(string Name, IReadOnlyDictionary<string, string> Fields)> tasks)
    {
        var all = new SortedDictionary<string, string>(window.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, fields) in targets)
        {
            foreach (var (key, value) in fields)
            {
                all[$"targets[{name}].{key}"] = value;
            }
        }

        foreach (var (name, fields) in tasks)
        {
            foreach (var (key, value) in fields)
            {
                all[$"tasks[{name}].{key}"] = value;
            }
        }

        return all;
    }

    public static string TargetName(string patchGroup) => "patch-group-" + Sanitize(patchGroup);

    public static string TaskName(string patchGroup) => "patch-baseline-" + Sanitize(patchGroup);

    /// <summary>SSM names take letters, digits, '_', '-' and '.': anything else in a patch group name becomes '-'.</summary>
    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '-');
        }

        return text.Length > 100 ? text.ToString(0, 100) : text.ToString();
    }
}
