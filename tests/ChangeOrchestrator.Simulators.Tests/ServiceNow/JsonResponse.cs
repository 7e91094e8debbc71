using System.Net;
using System.Text.Json.Nodes;
using RestSharp;

namespace ChangeOrchestrator.Simulators.Tests.ServiceNow;

/// <summary>A response with its body parsed as JSON (null when the body is empty or not JSON).</summary>
public sealed record JsonResponse(HttpStatusCode Status, JsonNode? Json, RestResponse Raw)
{
    public JsonNode Result => Json?["result"] ?? throw new InvalidOperationException($"No result in {(int)Status}: {Raw.Content}");

    public string? Header(string name) =>
        Raw.Headers?.FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase))?.Value?.ToString();

    public string ErrorMessage => Json?["error"]?["message"]?.GetValue<string>() ?? "";

    public string ErrorDetail => Json?["error"]?["detail"]?.GetValue<string>() ?? "";
}
