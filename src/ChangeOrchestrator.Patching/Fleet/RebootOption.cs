namespace ChangeOrchestrator.Patching.Fleet;

public enum RebootOption
{
    /// <summary>Reboot when anything was installed or a reboot is pending; the run resumes after the reboot.</summary>
    RebootIfNeeded,

    /// <summary>Leave installed patches pending a reboot; the server stays non-compliant until it reboots.</summary>
    NoReboot,
}
