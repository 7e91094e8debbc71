namespace ChangeOrchestrator.Patching.Compliance;

public enum PatchOperation
{
    /// <summary>Report what is missing; never installs, never reboots.</summary>
    Scan,

    /// <summary>Install the approved missing patches.</summary>
    Install,
}
