namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>An SSM error as the service sends it: <c>__type</c>, <c>message</c> and an HTTP status (400 unless noted).</summary>
internal sealed class SsmServiceException(string errorType, string message, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(message)
{
    public string ErrorType { get; } = errorType;

    public int StatusCode { get; } = statusCode;
}
