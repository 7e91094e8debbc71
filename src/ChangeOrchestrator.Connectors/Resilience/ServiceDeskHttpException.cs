using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>A desk call refused or failed at the HTTP level; the status lets a connector treat one answer specially.</summary>
internal sealed class ServiceDeskHttpException(string desk, string message, bool isTransient, int? statusCode, Exception? innerException = null)
    : ServiceDeskException(desk, message, isTransient, innerException)
{
    /// <summary>Null when no answer came (connection refused, reset, timed out).</summary>
    public int? StatusCode { get; } = statusCode;
}
