namespace ChangeOrchestrator.Patching.Compliance;

public enum MissingPatchState
{
    /// <summary>Approved and applicable, not installed.</summary>
    Missing,

    /// <summary>An install was attempted and failed.</summary>
    Failed,
}
