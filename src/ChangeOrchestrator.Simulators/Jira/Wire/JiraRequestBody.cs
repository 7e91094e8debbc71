using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Jira.Wire;

/// <summary>Reads a JSON request body the way Jira does: JSON only (415 otherwise), an object, errors as ErrorCollection.</summary>
internal static class JiraRequestBody
{
    public static async Task<JiraBody> ReadObjectAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var contentType = context.Request.ContentType;
        if (contentType is null || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return new JiraBody(null, Results.StatusCode(StatusCodes.Status415UnsupportedMediaType));
        }

        try
        {
            var node = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            return node is JsonObject json
                ? new JiraBody(json, null)
                : new JiraBody(null, JiraErrors.BadRequest("The request body must be a JSON object."));
        }
        catch (JsonException ex)
        {
            return new JiraBody(null, JiraErrors.BadRequest("Unexpected character in the request body: " + ex.Message));
        }
    }
}
