using ChangeOrchestrator.Engine.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace ChangeOrchestrator.Server.Http;

/// <summary>Turns the engine's expected refusals into ProblemDetails; anything else stays a 500 without internals.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            WorkflowNotFoundException notFound => new ProblemDetails { Status = 404, Title = "Not found", Detail = notFound.Message },
            InvalidWorkflowInputException input => InputProblems.From(input),
            // Nothing was applied: the same request (with its Idempotency-Key) applies it once the other node is done.
            InstanceBusyException busy => new ProblemDetails { Status = 503, Title = "The instance is busy on another node", Detail = busy.Message },
            InstanceStateException state => new ProblemDetails { Status = 409, Title = "Not allowed in the instance's state", Detail = state.Message },
            // The JSON reader's message names the property and its path, e.g. "The JSON property 'bogus' could not be mapped".
            BadHttpRequestException { InnerException: System.Text.Json.JsonException json } bad =>
                new ProblemDetails { Status = bad.StatusCode, Title = "The request body is not valid", Detail = json.Message },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } tooLarge =>
                new ProblemDetails { Status = tooLarge.StatusCode, Title = "The body is too large", Detail = tooLarge.Message },
            // An empty body, or the JSON literal null, where an object is required; the framework's own words speak of services.
            BadHttpRequestException missing when missing.Message.Contains("no body was provided", StringComparison.Ordinal) =>
                new ProblemDetails { Status = missing.StatusCode, Title = "The request body is missing", Detail = "This endpoint needs a JSON object as its body." },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is InstanceBusyException)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }

        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
