namespace ChangeOrchestrator.Patching.Errors;

/// <summary>
/// A failure of an external system behind a port (service desk, fleet, snapshots, baselines, calendars), classified
/// once where it was raised: transient (an outage, throttling, a timeout: worth retrying later) or permanent (refused:
/// retrying will not help). Connectors throw it without knowing of workflows; the base of the patching activities
/// hands it to the engine as a transient or permanent fault.
/// </summary>
public abstract class ConnectorException : Exception
{
    protected ConnectorException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
