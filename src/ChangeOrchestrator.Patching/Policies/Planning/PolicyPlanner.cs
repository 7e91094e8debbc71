namespace ChangeOrchestrator.Patching.Policies.Planning;

/// <summary>
/// Compares a policy with what SSM holds and lists the writes that make SSM match it. Only resources tagged
/// managed-by=changeorchestrator are updated or deleted; a resource of the same name without the tag is a
/// conflict, never overwritten. Deletes are held back unless allowed. A managed resource whose fields no longer
/// hash to what was applied was changed in SSM: that is drift.
/// </summary>
public static class PolicyPlanner
{
    public static PolicyPlan Plan(PatchPolicy policy, DeployedPolicy deployed, bool allowDeletes)
    {
        var changes = new List<PlannedChange>();
        var conflicts = new List<string>();
        var baselineIds = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var desired in policy.Baselines)
        {
            var fields = PolicyFields.Of(desired);
            var hash = PolicyFields.Hash(fields);
            var existing = deployed.Baselines.Where(b => b.Baseline.Name == desired.Name).ToList();
            var managed = existing.Find(b => b.Managed);
            if (managed is null)
            {
                if (existing.Count > 0)
                {
                    conflicts.Add($"baseline {desired.Name} exists in SSM ({existing[0].Id}) without the tag managed-by=changeorchestrator; "
                        + "tag it to let the policy manage it, or rename the policy's baseline");
                    continue;
                }

                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Create, Kind = PolicyResourceKind.Baseline, Name = desired.Name, Baseline = desired, Hash = hash,
                    Fields = PolicyFields.Diff(new Dictionary<string, string>(), fields),
                });
                continue;
            }

            baselineIds[desired.Name] = managed.Id;
            var current = PolicyFields.Of(managed.Baseline);
            if (managed.Baseline.OperatingSystem != desired.OperatingSystem)
            {
                conflicts.Add($"baseline {desired.Name} ({managed.Id}) is for {managed.Baseline.OperatingSystem} in SSM; an operating system cannot change: give the {desired.OperatingSystem} baseline another name");
                continue;
            }

            var diff = PolicyFields.Diff(current, fields);
            if (diff.Count > 0)
            {
                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Update, Kind = PolicyResourceKind.Baseline, Name = desired.Name, ResourceId = managed.Id,
                    Baseline = desired, Hash = hash, Fields = diff, Drift = managed.AppliedHash != PolicyFields.Hash(current),
                });
            }
        }

        PlanRegistrations(policy, deployed, baselineIds, allowDeletes, changes);
        PlanWindows(policy, deployed, allowDeletes, changes, conflicts);
        PlanCalendars(policy, deployed, allowDeletes, changes, conflicts);

        foreach (var unwanted in deployed.Baselines.Where(b => b.Managed && policy.Baseline(b.Baseline.Name) is null))
        {
            changes.Add(new PlannedChange
            {
                Action = PlanAction.Delete, Kind = PolicyResourceKind.Baseline, Name = unwanted.Baseline.Name, ResourceId = unwanted.Id,
                HeldBack = !allowDeletes, Fields = PolicyFields.Diff(PolicyFields.Of(unwanted.Baseline), new Dictionary<string, string>()),
            });
        }

        return new PolicyPlan(Order(changes), conflicts);
    }

    private static void PlanRegistrations(
        PatchPolicy policy, DeployedPolicy deployed, Dictionary<string, string> baselineIds, bool allowDeletes, List<PlannedChange> changes)
    {
        var managedIds = deployed.Baselines.Where(b => b.Managed).Select(b => b.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var group in policy.PatchGroups)
        {
            foreach (var (os, baselineName) in group.Baselines.OrderBy(b => b.Key, StringComparer.Ordinal))
            {
                var current = deployed.Registrations.FirstOrDefault(r => r.PatchGroup == group.Name && r.OperatingSystem == os);
                var wantedId = baselineIds.GetValueOrDefault(baselineName);
                if (current is not null && current.BaselineId == wantedId)
                {
                    continue;
                }

                // A registration to another baseline, made in SSM after the policy registered its own, is drift.
                var drift = current is not null && wantedId is not null;
                if (current is not null)
                {
                    changes.Add(new PlannedChange
                    {
                        Action = PlanAction.Deregister, Kind = PolicyResourceKind.PatchGroup, Name = group.Name, OperatingSystem = os,
                        ResourceId = current.BaselineId, Drift = drift,
                        Fields = [new FieldChange($"patchGroups[{group.Name}].baselines.{os}", current.BaselineId, baselineName)],
                    });
                }

                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Register, Kind = PolicyResourceKind.PatchGroup, Name = group.Name, OperatingSystem = os,
                    BaselineName = baselineName, ResourceId = wantedId, Drift = drift,
                    Fields = [new FieldChange($"patchGroups[{group.Name}].baselines.{os}", current?.BaselineId, baselineName)],
                });
            }
        }

        foreach (var stale in deployed.Registrations.Where(r => managedIds.Contains(r.BaselineId)
            && policy.Group(r.PatchGroup)?.Baselines.ContainsKey(r.OperatingSystem) != true))
        {
            changes.Add(new PlannedChange
            {
                Action = PlanAction.Deregister, Kind = PolicyResourceKind.PatchGroup, Name = stale.PatchGroup, OperatingSystem = stale.OperatingSystem,
                ResourceId = stale.BaselineId, HeldBack = !allowDeletes,
                Fields = [new FieldChange($"patchGroups[{stale.PatchGroup}].baselines.{stale.OperatingSystem}", stale.BaselineId, null)],
            });
        }
    }

    private static void PlanWindows(PatchPolicy policy, DeployedPolicy deployed, bool allowDeletes, List<PlannedChange> changes, List<string> conflicts)
    {
        foreach (var desired in policy.MaintenanceWindows)
        {
            var targets = WindowParts.Targets(desired);
            var tasks = WindowParts.Tasks(policy, desired);
            var fields = PolicyFields.Of(desired);
            var hash = PolicyFields.Hash(WindowParts.Combined(
                fields, targets.Select(t => (t.Name, (IReadOnlyDictionary<string, string>)WindowParts.Fields(t))), tasks.Select(t => (t.Name, (IReadOnlyDictionary<string, string>)WindowParts.Fields(t)))));
            var existing = deployed.Windows.Where(w => w.Window.Name == desired.Name).ToList();
            var managed = existing.Find(w => w.Managed);
            if (managed is null)
            {
                if (existing.Count > 0)
                {
                    conflicts.Add($"maintenance window {desired.Name} exists in SSM ({existing[0].Id}) without the tag managed-by=changeorchestrator; "
                        + "tag it to let the policy manage it, or rename the policy's window");
                    continue;
                }

                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Create, Kind = PolicyResourceKind.MaintenanceWindow, Name = desired.Name, Window = desired, Hash = hash,
                    Fields = PolicyFields.Diff(new Dictionary<string, string>(), fields),
                });
                PlanParts(desired, null, targets, tasks, hash, drift: false, allowDeletes, changes, conflicts);
                continue;
            }

            var current = PolicyFields.Of(managed.Window);
            var drift = managed.AppliedHash != PolicyFields.Hash(WindowParts.Combined(
                current, managed.Targets.Where(t => t.Managed).Select(t => (t.Name ?? t.Id, t.Fields)), managed.Tasks.Where(t => t.Managed).Select(t => (t.Name ?? t.Id, t.Fields))));
            var diff = PolicyFields.Diff(current, fields);
            if (diff.Count > 0)
            {
                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Update, Kind = PolicyResourceKind.MaintenanceWindow, Name = desired.Name, ResourceId = managed.Id,
                    Window = desired, Hash = hash, Fields = diff, Drift = drift,
                });
            }

            PlanParts(desired, managed, targets, tasks, hash, drift, allowDeletes, changes, conflicts);
        }

        foreach (var unwanted in deployed.Windows.Where(w => w.Managed && !policy.MaintenanceWindows.Any(p => p.Name == w.Window.Name)))
        {
            changes.Add(new PlannedChange
            {
                Action = PlanAction.Delete, Kind = PolicyResourceKind.MaintenanceWindow, Name = unwanted.Window.Name, ResourceId = unwanted.Id,
                HeldBack = !allowDeletes, Fields = PolicyFields.Diff(PolicyFields.Of(unwanted.Window), new Dictionary<string, string>()),
            });
        }
    }

    /// <summary>
    /// The targets and tasks of one window, matched by name among those this product registered; a part registered
    /// by hand is left alone but reported, since a task nobody reviewed could install patches outside a change.
    /// </summary>
    private static void PlanParts(
        MaintenanceWindowPolicy window, DeployedWindow? deployed, IReadOnlyList<WindowTargetSpec> targets, IReadOnlyList<WindowTaskSpec> tasks,
        string hash, bool drift, bool allowDeletes, List<PlannedChange> changes, List<string> conflicts)
    {
        var currentTargets = deployed?.Targets.Where(t => t.Managed).ToList() ?? [];
        var currentTasks = deployed?.Tasks.Where(t => t.Managed).ToList() ?? [];
        foreach (var target in targets)
        {
            if (PartChange(PolicyResourceKind.WindowTarget, target.Name, WindowParts.Fields(target), currentTargets) is { } change)
            {
                changes.Add(change with { Target = target });
            }
        }

        foreach (var task in tasks)
        {
            if (PartChange(PolicyResourceKind.WindowTask, task.Name, WindowParts.Fields(task), currentTasks) is { } change)
            {
                changes.Add(change with { Task = task, WindowTargetId = currentTargets.Find(t => t.Name == task.TargetName)?.Id });
            }
        }

        foreach (var stale in currentTasks.Where(t => !tasks.Any(d => d.Name == t.Name)))
        {
            changes.Add(Removal(PolicyResourceKind.WindowTask, stale, window, deployed!, hash, allowDeletes));
        }

        foreach (var stale in currentTargets.Where(t => !targets.Any(d => d.Name == t.Name)))
        {
            changes.Add(Removal(PolicyResourceKind.WindowTarget, stale, window, deployed!, hash, allowDeletes));
        }

        foreach (var foreign in (deployed?.Tasks ?? []).Where(t => !t.Managed))
        {
            conflicts.Add($"maintenance window {window.Name} ({deployed!.Id}) has task {foreign.Name ?? foreign.Id} that the policy did not register; left alone: "
                + $"review it ({(foreign.Fields.GetValueOrDefault("operation") is { } operation ? $"operation {operation}" : foreign.Fields.GetValueOrDefault("taskArn"))})");
        }

        // A target or task to register or update: null when the one registered already has the fields wanted.
        PlannedChange? PartChange(PolicyResourceKind kind, string name, SortedDictionary<string, string> wanted, List<DeployedWindowPart> registered)
        {
            var current = registered.Find(p => p.Name == name);
            var diff = PolicyFields.Diff(current?.Fields ?? new Dictionary<string, string>(), wanted);
            return diff.Count == 0 ? null : new PlannedChange
            {
                Action = current is null ? PlanAction.Register : PlanAction.Update, Kind = kind, Name = name,
                ResourceId = current?.Id, WindowName = window.Name, WindowId = deployed?.Id, Hash = hash, Fields = diff,
                Drift = current is not null && drift,
            };
        }
    }

    private static PlannedChange Removal(
        PolicyResourceKind kind, DeployedWindowPart part, MaintenanceWindowPolicy window, DeployedWindow deployed, string hash, bool allowDeletes) => new()
    {
        Action = PlanAction.Deregister, Kind = kind, Name = part.Name ?? part.Id, ResourceId = part.Id, WindowName = window.Name, WindowId = deployed.Id,
        Hash = hash, HeldBack = !allowDeletes, Fields = PolicyFields.Diff(part.Fields, new Dictionary<string, string>()),
    };

    /// <summary>One Change Calendar per window that declares freezes; a managed calendar whose window no longer declares any goes (with deletes allowed).</summary>
    private static void PlanCalendars(PatchPolicy policy, DeployedPolicy deployed, bool allowDeletes, List<PlannedChange> changes, List<string> conflicts)
    {
        var wanted = policy.MaintenanceWindows.Where(w => w.Freezes.Count > 0).Select(FreezeCalendar.For).ToList();
        foreach (var calendar in wanted)
        {
            var fields = PolicyFields.Of(calendar);
            var existing = deployed.Calendars.FirstOrDefault(c => c.Name == calendar.Name);
            if (existing is { Managed: false })
            {
                conflicts.Add($"change calendar {calendar.Name} exists in SSM without the tag managed-by=changeorchestrator; tag it to let the policy manage it");
                continue;
            }

            var current = existing is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : PolicyFields.Of(existing.Calendar);
            var diff = PolicyFields.Diff(current, fields);
            if (diff.Count > 0)
            {
                changes.Add(new PlannedChange
                {
                    Action = existing is null ? PlanAction.Create : PlanAction.Update, Kind = PolicyResourceKind.ChangeCalendar, Name = calendar.Name,
                    ResourceId = existing?.Name, Calendar = calendar, Hash = PolicyFields.Hash(fields), Fields = diff,
                    Drift = existing is not null && existing.AppliedHash != PolicyFields.Hash(current),
                });
            }
        }

        foreach (var unwanted in deployed.Calendars.Where(c => c.Managed && !wanted.Any(w => w.Name == c.Name)))
        {
            changes.Add(new PlannedChange
            {
                Action = PlanAction.Delete, Kind = PolicyResourceKind.ChangeCalendar, Name = unwanted.Name, ResourceId = unwanted.Name,
                HeldBack = !allowDeletes, Fields = PolicyFields.Diff(PolicyFields.Of(unwanted.Calendar), new Dictionary<string, string>()),
            });
        }
    }

    /// <summary>Baselines exist before groups register to them; groups leave a baseline before it is deleted.</summary>
    private static List<PlannedChange> Order(List<PlannedChange> changes) =>
    [
        .. changes.OrderBy(c => (c.Action, c.Kind) switch
        {
            (PlanAction.Create or PlanAction.Update, PolicyResourceKind.Baseline) => 0,
            // A deregistration that makes room for another baseline goes just before that registration.
            (PlanAction.Deregister, PolicyResourceKind.PatchGroup) when c.Fields.All(f => f.Desired is not null) => 1,
            (PlanAction.Register, PolicyResourceKind.PatchGroup) => 2,
            (PlanAction.Create or PlanAction.Update, PolicyResourceKind.MaintenanceWindow) => 3,
            // A window's targets before the tasks that run on them; tasks leave before their targets do.
            (PlanAction.Register or PlanAction.Update, PolicyResourceKind.WindowTarget) => 4,
            (PlanAction.Register or PlanAction.Update, PolicyResourceKind.WindowTask) => 5,
            (PlanAction.Create or PlanAction.Update, PolicyResourceKind.ChangeCalendar) => 6,
            (PlanAction.Deregister, PolicyResourceKind.WindowTask) => 7,
            (PlanAction.Deregister, PolicyResourceKind.WindowTarget) => 8,
            (PlanAction.Deregister, _) => 9,
            (PlanAction.Delete, PolicyResourceKind.Baseline) => 10,
            _ => 11,
        }),
    ];
}
