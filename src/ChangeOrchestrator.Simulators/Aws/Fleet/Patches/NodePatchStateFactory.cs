namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>
/// Derives a server's installed updates from its seed when first needed, so a fleet of 50,000 is generated
/// without materialising millions of patch rows: everything released before its last patching is installed,
/// the rest is missing, and a few servers carry a failed or reboot-pending update.
/// </summary>
internal static class NodePatchStateFactory
{
    public static NodePatchState Create(FleetNode node)
    {
        var random = new Random(node.PatchSeed);
        var patches = node.Catalog.Patches;
        var conditions = new PatchCondition[patches.Count];
        var installedAt = new DateTimeOffset?[patches.Count];
        foreach (var patch in patches)
        {
            if (patch.RequiredApplication is { } application && !node.Application.Contains(application, StringComparison.Ordinal))
            {
                conditions[patch.Index] = PatchCondition.NotApplicable;
            }
            else if (patch.ReleaseDate <= node.LastPatchedAt)
            {
                conditions[patch.Index] = PatchCondition.Installed;
                installedAt[patch.Index] = node.LastPatchedAt.AddMinutes(random.Next(0, 240));
            }
            else
            {
                conditions[patch.Index] = PatchCondition.NotInstalled;
            }
        }

        if (random.NextDouble() < 0.04 && Pick(conditions, PatchCondition.NotInstalled, random) is { } failed)
        {
            conditions[failed] = PatchCondition.Failed;
        }

        if (random.NextDouble() < 0.03 && Pick(conditions, PatchCondition.Installed, random) is { } pending && patches[pending].RequiresReboot)
        {
            conditions[pending] = PatchCondition.InstalledPendingReboot;
        }

        return new NodePatchState(node.Catalog, conditions, installedAt);
    }

    private static int? Pick(PatchCondition[] conditions, PatchCondition wanted, Random random)
    {
        var candidates = new List<int>();
        for (var i = 0; i < conditions.Length; i++)
        {
            if (conditions[i] == wanted)
            {
                candidates.Add(i);
            }
        }

        return candidates.Count == 0 ? null : candidates[random.Next(candidates.Count)];
    }
}
