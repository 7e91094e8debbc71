namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

internal enum GuardFailureMode
{
    /// <summary>The write fails with 403 Operation Failed.</summary>
    Reject,

    /// <summary>The state part of the write is dropped and the rest saved, so only a re-read shows the refusal.</summary>
    Ignore,
}
