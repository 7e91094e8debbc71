using ChangeOrchestrator.Patching.Errors;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>
/// A failure of the fleet, snapshot, baseline or calendar services, classified once where it was raised:
/// transient faults (throttling, outages, timeouts) are retried by the engine, permanent ones fail the activity
/// with the service's own explanation.
/// </summary>
public sealed class FleetException : ConnectorException
{
    public FleetException(string message, bool isTransient, string? errorCode = null, Exception? innerException = null)
        : base(message, isTransient, innerException)
    {
        ErrorCode = errorCode;
    }

    /// <summary>The service's error code (for example <c>InvalidInstanceId</c>), when the service sent one.</summary>
    public string? ErrorCode { get; }
}
