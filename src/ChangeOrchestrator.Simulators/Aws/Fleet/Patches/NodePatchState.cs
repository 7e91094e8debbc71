namespace ChangeOrchestrator.Simulators.Aws.Fleet.Patches;

/// <summary>The updates actually present on one server, one entry per catalogue patch.</summary>
internal sealed class NodePatchState
{
    private PatchCondition[] _conditions;
    private DateTimeOffset?[] _installedAt;

    public NodePatchState(PatchCatalog catalog, PatchCondition[] conditions, DateTimeOffset?[] installedAt)
    {
        Catalog = catalog;
        _conditions = conditions;
        _installedAt = installedAt;
    }

    public PatchCatalog Catalog { get; }

    /// <summary>An update published after this state was derived is not installed.</summary>
    public PatchCondition this[int index] => index < _conditions.Length ? _conditions[index] : PatchCondition.NotInstalled;

    public DateTimeOffset? InstalledAt(int index) => index < _installedAt.Length ? _installedAt[index] : null;

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
                && this[older.Index] is PatchCondition.NotInstalled or PatchCondition.Failed)
            {
                Set(older.Index, condition, at);
            }
        }
    }

    public void MarkFailed(PatchDefinition patch)
    {
        Grow();
        _conditions[patch.Index] = PatchCondition.Failed;
    }

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
        Grow();
        _conditions[index] = condition;
        _installedAt[index] = at;
    }

    /// <summary>Makes room for the updates the catalogue published since; they start as not installed.</summary>
    private void Grow()
    {
        var old = _conditions.Length;
        if (old < Catalog.Patches.Count)
        {
            Array.Resize(ref _conditions, Catalog.Patches.Count);
            Array.Resize(ref _installedAt, Catalog.Patches.Count);
            Array.Fill(_conditions, PatchCondition.NotInstalled, old, _conditions.Length - old);
        }
    }
}
