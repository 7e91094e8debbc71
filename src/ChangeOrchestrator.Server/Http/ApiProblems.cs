using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Http;

/// <summary>The ProblemDetails the API answers with when a request is wrong.</summary>
internal static class ApiProblems
{
    public static ValidationProblem Field(string field, string message) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [field] = [message] },
        title: $"Invalid '{field}'");

    public static ProblemHttpResult InstanceNotFound(string id) => TypedResults.Problem(
        title: "Instance not found",
        detail: $"Instance '{id}' does not exist.",
        statusCode: StatusCodes.Status404NotFound);
}
