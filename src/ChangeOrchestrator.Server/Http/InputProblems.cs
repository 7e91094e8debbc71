using ChangeOrchestrator.Engine.Runtime;

namespace ChangeOrchestrator.Server.Http;

/// <summary>
/// A refused start as a 400: <c>errors</c> keyed <c>input.&lt;path&gt;</c> with readable messages, and <c>violations</c>
/// with what each field expected and was given, for a form to show next to the field.
/// </summary>
internal static class InputProblems
{
    public static HttpValidationProblemDetails From(InvalidWorkflowInputException exception)
    {
        var problem = new HttpValidationProblemDetails(
            exception.Errors.GroupBy(e => Key(e.Field)).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "Invalid workflow input",
            Detail = exception.Errors.Count == 1 ? "1 problem with the input; nothing was started." : $"{exception.Errors.Count} problems with the input; nothing was started.",
        };
        problem.Extensions["violations"] = exception.Errors
            .Select(e => new { field = Key(e.Field), expected = e.Expected, given = e.Given, message = e.Message })
            .ToArray();
        return problem;
    }

    public static string Key(string field) => field.Length == 0 ? "input" : field.StartsWith('[') ? "input" + field : $"input.{field}";
}
