using ChangeOrchestrator.Patching.Errors;

namespace ChangeOrchestrator.Patching.ChangeRequests;

/// <summary>
/// A service desk call that failed, classified once: transient (unavailable, throttled, timed out: worth retrying
/// later) or permanent (refused: retrying will not help). The message quotes what the desk said.
/// </summary>
public class ServiceDeskException : ConnectorException
{
    public ServiceDeskException(string desk, string message, bool isTransient, Exception? innerException = null)
        : base(message, isTransient, innerException)
    {
        Desk = desk;
    }

    public string Desk { get; }

    /// <summary>How long the desk asked callers to wait, when it said.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
