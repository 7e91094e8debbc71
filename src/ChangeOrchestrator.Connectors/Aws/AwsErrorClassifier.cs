using Amazon.Runtime;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>
/// Turns SDK failures into <see cref="FleetException"/> once: throttling, server faults and timeouts are transient;
/// everything else the service refused (InvalidInstanceId, ValidationException, UnauthorizedOperation,
/// InvalidParameterValue, ...) is permanent and keeps the service's message.
/// </summary>
internal static class AwsErrorClassifier
{
    private static readonly HashSet<string> TransientCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
        "RequestTimeout", "RequestTimeoutException", "InternalServerError", "InternalError", "InternalFailure",
        "ServiceUnavailable", "Unavailable",

        // Too many snapshots of one volume in flight: the same call succeeds once earlier snapshots finish.
        "SnapshotCreationPerVolumeRateExceeded",
    };

    public static FleetException Classify(string operation, Exception error) => error switch
    {
        FleetException fleet => fleet,
        AmazonServiceException service => FromService(operation, service),

        // No answer at all: connection failures and the SDK's own timeout.
        AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException =>
            new FleetException($"{operation} got no answer: {error.Message}", isTransient: true, errorCode: null, error),
        _ => new FleetException($"{operation} failed: {error.Message}", isTransient: false, errorCode: null, error),
    };

    public static bool IsTransient(AmazonServiceException error) =>
        (error.ErrorCode is { } code && TransientCodes.Contains(code))
        || (int)error.StatusCode >= 500
        || (error.ErrorCode is null && error.StatusCode == 0);

    private static FleetException FromService(string operation, AmazonServiceException error)
    {
        var message = string.IsNullOrWhiteSpace(error.Message) ? "(the service gave no message)" : error.Message;
        return new FleetException($"{operation} failed with {error.ErrorCode ?? "no error code"}: {message}", IsTransient(error), error.ErrorCode, error);
    }
}
