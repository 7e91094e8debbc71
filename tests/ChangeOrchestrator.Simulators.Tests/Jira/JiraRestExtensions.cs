using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

public static class JiraRestExtensions
{
    public static Task<RestResponse> SendJsonAsync(this RestClient client, Method method, string resource, JsonNode body)
    {
        var request = new RestRequest(resource, method).AddStringBody(body.ToJsonString(), ContentType.Json);
        return client.ExecuteAsync(request);
    }

    public static JsonNode Json(this RestResponse response) =>
        JsonNode.Parse(response.Content ?? throw new InvalidOperationException($"No body (status {(int)response.StatusCode})."))!;

    public static string? Header(this RestResponse response, string name) =>
        response.Headers?.Concat(response.ContentHeaders ?? []).FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value;
}
