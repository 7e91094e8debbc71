namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>The updates actually present on one server, one entry per catalogue patch.</summary>
internal sealed class NodePatchState
{
    private readonly PatchCondition[] _conditions;
    private readonly DateTimeOffset?[] _installedAt;

    public NodePatchState(PatchCatalog catalog, PatchCondition[] conditions, DateTimeOffset?[] installedAt)
    {
        Catalog = catalog;
        _conditions = conditions;
        _installedAt = installedAt;
    }

    public PatchCatalog Catalog { get; }

    public PatchCondition this[int index] => _conditions[index];

    public DateTimeOffset? InstalledAt(int index) => _installedAt[index];

    public bool HasPendingReboot => Array.IndexOf(_conditions, PatchCondition.InstalledPendingReboot) >= 0;

    /// <summary>Installs a patch; a cumulative update also brings every older update of its series.</summary>
    public void Install(PatchDefinition patch, DateTimeOffset at, bool pendingReboot)
    {
        var condition = pendingReboot && patch.RequiresReboot ? PatchCondition.InstalledPendingReboot : PatchCondition.Installed;
        Set(patch.Index, condition, at);
        if (patch.Series is null)
        {
            return;
        }

        foreach (var older in Catalog.Patches)
        {
            if (older.Series == patch.Series && older.Index != patch.Index && older.ReleaseDate <= patch.ReleaseDate
                && _conditions[older.Index] is PatchCondition.NotInstalled or PatchCondition.Failed)
            {
                Set(older.Index, condition, at);
            }
        }
    }

    public void MarkFailed(PatchDefinition patch) => _conditions[patch.Index] = PatchCondition.Failed;

    /// <summary>A reboot completes every installation that was waiting for one.</summary>
    public void CompleteReboot()
    {
        for (var i = 0; i < _conditions.Length; i++)
        {
            if (_conditions[i] == PatchCondition.InstalledPendingReboot)
            {
                _conditions[i] = PatchCondition.Installed;
            }
        }
    }

    public NodePatchState Clone() => new(Catalog, (PatchCondition[])_conditions.Clone(), (DateTimeOffset?[])_installedAt.Clone());

    private void Set(int index, PatchCondition condition, DateTimeOffset at)
    {
        _conditions[index] = condition;
        _installedAt[index] = at;
    }
}
