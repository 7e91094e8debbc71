using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using RestSharp;
using RestSharp.Authenticators;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// One HTTP call to the site, with the account's credentials and failures classified at this edge (409, a lost
/// concurrent update, counts as transient: re-reading and retrying resolves it). Retries belong to the pipeline.
/// </summary>
internal sealed class JiraClient : IDisposable
{
    private readonly RestClient _client;
    private readonly TimeProvider _time;

    public JiraClient(JiraOptions options, TimeProvider time)
    {
        _time = time;
        _client = new RestClient(new RestClientOptions(options.SiteUri)
        {
            FollowRedirects = false,
            // The pipeline times attempts out; this only bounds a call that somehow escapes it.
            Timeout = options.Resilience.AttemptTimeout + TimeSpan.FromMinutes(1),
            Authenticator = string.IsNullOrEmpty(options.BearerToken)
                ? new HttpBasicAuthenticator(options.Email, options.ApiToken)
                : new JwtAuthenticator(options.BearerToken),
        });
    }

    /// <summary>Sends the request; returns the parsed body, or null when there is none (204).</summary>
    public async Task<JsonNode?> SendAsync(RestRequest request, string operation, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader("Accept", "application/json");
        var response = await _client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailureClassifier.Classify(JiraServiceDesk.DisplayName, operation, response, JiraErrorDescriber.Describe, _time.GetUtcNow(), conflictIsTransient: true);
        }

        return string.IsNullOrWhiteSpace(response.Content) ? null : JsonNode.Parse(response.Content);
    }

    public Task<JsonNode?> SendJsonAsync(RestRequest request, JsonNode body, string operation, CancellationToken cancellationToken) =>
        SendAsync(request.AddStringBody(body.ToJsonString(), ContentType.Json), operation, cancellationToken);

    public void Dispose() => _client.Dispose();
}
