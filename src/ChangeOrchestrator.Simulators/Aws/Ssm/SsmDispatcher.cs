using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.Aws.Faults;
using ChangeOrchestrator.Simulators.Aws.Throttling;

namespace ChangeOrchestrator.Simulators.Aws.Ssm;

/// <summary>
/// The SSM side of the endpoint (AWS JSON 1.1): routes <c>X-Amz-Target: AmazonSSM.&lt;Operation&gt;</c> to its
/// operation after authorization, call counting and armed faults, and writes results and errors in the
/// service's shape (<c>__type</c> + <c>message</c>, <c>x-amzn-RequestId</c>).
/// </summary>
internal sealed class SsmDispatcher(
    IEnumerable<ISsmOperation> operations, AwsSimulation simulation, AwsFaultInjector faults, AwsCallCounters counters, AwsRequestRateLimiter rates)
{
    private const string TargetPrefix = "AmazonSSM.";
    private const string ContentType = "application/x-amz-json-1.1";

    private readonly Dictionary<string, ISsmOperation> _operations = operations.ToDictionary(o => o.Name, StringComparer.Ordinal);

    public async Task HandleAsync(HttpContext context, string target)
    {
        var cancellationToken = context.RequestAborted;
        context.Response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var prefixed = target.StartsWith(TargetPrefix, StringComparison.Ordinal);
        var name = prefixed ? target[TargetPrefix.Length..] : target;
        var counter = counters.For("SSM", name);
        counter.Started();
        try
        {
            var failure = prefixed
                ? await RunAsync(context, name, counter, cancellationToken)
                : new SsmServiceException("UnknownOperationException", "");
            if (failure is not null)
            {
                counter.Failed();
                await WriteAsync(context, failure.StatusCode, new JsonObject { ["__type"] = failure.ErrorType, ["message"] = failure.Message }, cancellationToken);
            }
        }
        finally
        {
            counter.Ended();
        }
    }

    private async Task<SsmServiceException?> RunAsync(HttpContext context, string name, CallCounter counter, CancellationToken cancellationToken)
    {
        switch (AwsAuthorization.Check(context.Request, "ssm"))
        {
            case AuthorizationOutcome.Missing:
                return new SsmServiceException("MissingAuthenticationTokenException", "Missing Authentication Token");
            case AuthorizationOutcome.Malformed:
                return new SsmServiceException("IncompleteSignatureException", "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters.");
            case AuthorizationOutcome.WrongService:
                return new SsmServiceException("InvalidSignatureException", "Credential should be scoped to correct service: 'ssm'.");
        }

        if (!_operations.TryGetValue(name, out var operation))
        {
            return new SsmServiceException("UnknownOperationException", "");
        }

        var decision = faults.Decide("SSM", name);
        if (decision.Latency > TimeSpan.Zero)
        {
            await Task.Delay(decision.Latency, cancellationToken);
        }

        if (decision.Failure == FaultKind.Throttle || !rates.TryTake(context.Request, "SSM", name))
        {
            counter.Throttled();
            return new SsmServiceException("ThrottlingException", "Rate exceeded");
        }

        if (decision.Failure == FaultKind.ServerError)
        {
            counter.InjectedError();
            return new SsmServiceException("InternalServerError", "An internal error occurred.", StatusCodes.Status500InternalServerError);
        }

        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
        }
        catch (JsonException)
        {
            return SsmErrors.Serialization("The request body is not valid JSON.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return SsmErrors.Serialization("The request body must be a JSON object.");
            }

            try
            {
                var result = simulation.Execute(world => operation.Execute(new SsmInput(document.RootElement), world));
                await WriteAsync(context, StatusCodes.Status200OK, result, cancellationToken);
                return null;
            }
            catch (SsmServiceException error)
            {
                return error;
            }
        }
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonObject body, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = ContentType;
        await context.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()), cancellationToken);
    }
}
