using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Server.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChangeOrchestrator.Server.Api;

/// <summary>ProblemDetails for definitions that do not validate: every error with its JSON path.</summary>
internal static class DefinitionProblems
{
    public static ProblemHttpResult Invalid(IReadOnlyList<DefinitionError> errors) => TypedResults.Problem(
        title: "The workflow definition is invalid",
        detail: $"{errors.Count} error(s); see 'errors'.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?>
        {
            ["errors"] = errors.Select(e => new { path = e.Path, message = e.Message }).ToList(),
        });

    public static ProblemHttpResult TooLarge() => TypedResults.Problem(
        title: "The body is too large",
        detail: $"A workflow definition may hold at most {RequestBody.MaxDefinitionBytes} bytes.",
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
