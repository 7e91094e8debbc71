using System.Text.Json;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

public static class RestClientJsonExtensions
{
    public static async Task<JsonResponse> SendAsync(this RestClient client, Method method, string resource, object? body = null)
    {
        var request = new RestRequest(resource, method);
        if (body is not null)
        {
            request.AddStringBody(body as string ?? JsonSerializer.Serialize(body), ContentType.Json);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonResponse> SendAsync(this RestClient client, RestRequest request)
    {
        var response = await client.ExecuteAsync(request);
        return new JsonResponse(response.StatusCode, TryParse(response.Content), response);
    }

    public static Task<JsonResponse> GetJsonAsync(this RestClient client, string resource) => client.SendAsync(Method.Get, resource);

    /// <summary>Creates a change request through the Table API and returns its record.</summary>
    public static async Task<JsonNode> CreateChangeAsync(this RestClient client, object body)
    {
        var response = await client.SendAsync(Method.Post, "api/now/table/change_request", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.Status);
        return response.Result;
    }

    public static Task<JsonResponse> PatchChangeAsync(this RestClient client, string sysId, object body) =>
        client.SendAsync(Method.Patch, "api/now/table/change_request/" + sysId, body);

    public static string Text(this JsonNode node, string field) => node[field]?.GetValue<string>() ?? throw new InvalidOperationException("No field " + field);

    private static JsonNode? TryParse(string? content)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(content);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
