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
            var fields = PolicyFields.Of(desired);
            var hash = PolicyFields.Hash(fields);
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
                continue;
            }

            var current = PolicyFields.Of(managed.Window);
            var diff = PolicyFields.Diff(current, fields);
            if (diff.Count > 0)
            {
                changes.Add(new PlannedChange
                {
                    Action = PlanAction.Update, Kind = PolicyResourceKind.MaintenanceWindow, Name = desired.Name, ResourceId = managed.Id,
                    Window = desired, Hash = hash, Fields = diff, Drift = managed.AppliedHash != PolicyFields.Hash(current),
                });
            }
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

    /// <summary>Baselines exist before groups register to them; groups leave a baseline before it is deleted.</summary>
    private static List<PlannedChange> Order(List<PlannedChange> changes) =>
    [
        .. changes.OrderBy(c => (c.Action, c.Kind) switch
        {
            (PlanAction.Create or PlanAction.Update, PolicyResourceKind.Baseline) => 0,
            // A deregistration that makes room for another baseline goes just before that registration.
            (PlanAction.Deregister, _) when c.Fields.All(f => f.Desired is not null) => 1,
            (PlanAction.Register, _) => 2,
            (PlanAction.Create or PlanAction.Update, PolicyResourceKind.MaintenanceWindow) => 3,
            (PlanAction.Deregister, _) => 4,
            (PlanAction.Delete, PolicyResourceKind.Baseline) => 5,
            _ => 6,
        }),
    ];
}
