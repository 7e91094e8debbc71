namespace ChangeOrchestrator.Simulators.Aws.Ec2;

/// <summary>An EC2 error: its code, message and HTTP status, written in the <c>&lt;Response&gt;&lt;Errors&gt;</c> envelope.</summary>
internal sealed class Ec2ServiceException(string code, string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Code { get; } = code;

    public int StatusCode { get; } = statusCode;
}
