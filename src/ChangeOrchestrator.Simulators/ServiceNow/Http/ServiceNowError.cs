using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.ServiceNow.Http;

/// <summary>A failure as the instance reports it: status code and the message/detail of the error envelope.</summary>
internal sealed record ServiceNowError(int StatusCode, string Message, string? Detail)
{
    public static ServiceNowError NotAuthenticated() =>
        new(StatusCodes.Status401Unauthorized, "User Not Authenticated", "Required to provide Auth information");

    public static ServiceNowError NoRecord() =>
        new(StatusCodes.Status404NotFound, "No Record found", "Record doesn't exist or ACL restricts the record retrieval");

    public static ServiceNowError OperationFailed(string detail) =>
        new(StatusCodes.Status403Forbidden, "Operation Failed", detail);

    public static ServiceNowError AclDenied(string operation) =>
        OperationFailed($"ACL Exception {operation} Failed due to security constraints");

    public static ServiceNowError BadRequest(string message, string? detail) =>
        new(StatusCodes.Status400BadRequest, message, detail);

    public static ServiceNowError InvalidTable(string table) =>
        new(StatusCodes.Status400BadRequest, "Invalid table " + table, null);

    public static ServiceNowError MalformedBody() =>
        BadRequest("Exception while reading request", "The payload is not valid JSON.");

    public JsonObject ToEnvelope() => new()
    {
        ["error"] = new JsonObject { ["message"] = Message, ["detail"] = Detail },
        ["status"] = "failure",
    };

    public IResult ToResult() => Results.Json(ToEnvelope(), statusCode: StatusCode);
}
