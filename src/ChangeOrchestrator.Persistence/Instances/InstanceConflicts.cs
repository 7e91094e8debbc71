namespace ChangeOrchestrator.Persistence.Instances;

/// <summary>The messages of a burst commit that lost a race, the same whichever way the commit was written.</summary>
internal static class InstanceConflicts
{
    public static string ExistsAlready(string instanceId) => $"Instance '{instanceId}' exists already.";

    public static string Changed(string instanceId, long? expectedVersion) => $"Instance '{instanceId}' changed since version {expectedVersion}.";

    public static string StimulusConsumed(string instanceId) => $"A stimulus consumed by instance '{instanceId}' was consumed elsewhere.";
}
