using System.ComponentModel;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

/// <summary>
/// Calls an HTTP endpoint. Network errors, 408, 429 and 5xx are transient faults (the activity's retry policy
/// applies); any other non-success status continues on Failed with the response.
/// </summary>
[Activity("Sends an HTTP request with an Idempotency-Key header; continues on Done for 2xx, Failed for other final statuses; network errors, 408, 429 and 5xx are retried per policy.", Category = "Integration")]
[Outcomes("Done", "Failed")]
public sealed class HttpRequest(IHttpClientFactory httpClientFactory) : Activity<HttpRequest.Input, HttpRequest.Output>
{
    public const string HttpClientName = "workflow-http";

    public const string IdempotencyHeader = "Idempotency-Key";

    private const int MaxBodyCharacters = 64 * 1024;

    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (!Uri.TryCreate(input.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ActivityException($"HttpRequest '{context.ActivityId}': url '{input.Url}' is not an absolute http(s) URL.", isTransient: false);
        }

        using var request = new HttpRequestMessage(new HttpMethod(input.Method.ToUpperInvariant()), url);

        // Stable across a crash and its re-run, so the receiver can apply a repeated call once.
        request.Headers.TryAddWithoutValidation(IdempotencyHeader, context.IdempotencyKey);
        foreach (var (name, value) in input.Headers ?? new Dictionary<string, string>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (input.Body is { } body)
        {
            request.Content = body is JsonValue text && text.TryGetValue<string>(out var raw)
                ? new StringContent(raw, Encoding.UTF8, "text/plain")
                : new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        var client = httpClientFactory.CreateClient(HttpClientName);
        using var response = await client.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is (int)HttpStatusCode.RequestTimeout or (int)HttpStatusCode.TooManyRequests or >= 500)
        {
            throw new ActivityException($"HttpRequest '{context.ActivityId}': {input.Method} {url.GetLeftPart(UriPartial.Path)} answered {status}.", isTransient: true);
        }

        var output = new Output { StatusCode = status, Body = await ReadBodyAsync(response, cancellationToken) };
        return Outcome(response.IsSuccessStatusCode ? "Done" : "Failed", output);
    }

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (text.Length == 0)
        {
            return null;
        }

        if (response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true)
        {
            try
            {
                return JsonNode.Parse(text);
            }
            catch (JsonException)
            {
                // A server that labels non-JSON as JSON: keep the text.
            }
        }

        return JsonValue.Create(text.Length > MaxBodyCharacters ? text[..MaxBodyCharacters] : text);
    }

    public sealed record Input
    {
        [Description("Absolute http(s) URL.")]
        public required string Url { get; init; }

        [Description("HTTP method, GET by default.")]
        public string Method { get; init; } = "GET";

        [Description("Request headers.")]
        public IReadOnlyDictionary<string, string>? Headers { get; init; }

        [Description("Body: an object or array is sent as JSON, a string as text.")]
        public JsonNode? Body { get; init; }
    }

    public sealed record Output
    {
        [Description("HTTP status code.")]
        public int StatusCode { get; init; }

        [Description("Response body, parsed when it is JSON.")]
        public JsonNode? Body { get; init; }
    }
}
