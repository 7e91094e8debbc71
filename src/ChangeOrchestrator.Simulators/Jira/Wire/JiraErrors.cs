using System.Text;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>Jira's ErrorCollection: <c>{"errorMessages":[...],"errors":{field: message}}</c>.</summary>
internal static class JiraErrors
{
    public const string Unauthenticated = "Client must be authenticated to access this resource.";
    public const string IssueNotFound = "Issue does not exist or you do not have permission to see it.";

    public static IResult Collection(int statusCode, IEnumerable<string> messages, IReadOnlyDictionary<string, string>? errors = null)
    {
        var json = new JsonObject
        {
            ["errorMessages"] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
            ["errors"] = Errors(errors),
        };
        return JiraResults.Json(json, statusCode);
    }

    public static IResult Message(int statusCode, string message) => Collection(statusCode, [message]);

    public static IResult Fields(IReadOnlyDictionary<string, string> errors) => Collection(StatusCodes.Status400BadRequest, [], errors);

    public static IResult Field(string field, string message) => Fields(new Dictionary<string, string> { [field] = message });

    public static IResult BadRequest(string message) => Message(StatusCodes.Status400BadRequest, message);

    public static IResult Forbidden(string message) => Message(StatusCodes.Status403Forbidden, message);

    public static IResult NotFound(string message = IssueNotFound) => Message(StatusCodes.Status404NotFound, message);

    public static IResult Unauthorized(bool plainText) => plainText
        ? Results.Text(Unauthenticated, "text/plain;charset=UTF-8", Encoding.UTF8, StatusCodes.Status401Unauthorized)
        : Message(StatusCodes.Status401Unauthorized, Unauthenticated);

    public static JsonObject ErrorCollectionJson(IEnumerable<string> messages, IReadOnlyDictionary<string, string>? errors) => new()
    {
        ["errorMessages"] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray()),
        ["errors"] = Errors(errors),
    };

    private static JsonObject Errors(IReadOnlyDictionary<string, string>? errors)
    {
        var json = new JsonObject();
        foreach (var (field, message) in errors ?? new Dictionary<string, string>())
        {
            json[field] = message;
        }

        return json;
    }
}
