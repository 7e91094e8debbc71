using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using Microsoft.Extensions.Logging;
using RestSharp;
using RestSharp.Authenticators;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// One HTTP call to the instance: JSON headers, authentication (a refused OAuth token is renewed and the call sent
/// once more), and failures classified at this edge. Retries belong to <see cref="ServiceDeskPipeline"/>.
/// </summary>
internal sealed class ServiceNowClient : IDisposable
{
    private readonly RestClient _client;
    private readonly ServiceNowTokenSource? _tokens;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ServiceNowClient(ServiceNowOptions options, TimeProvider time, ILogger logger)
    {
        _time = time;
        _logger = logger;
        var clientOptions = new RestClientOptions(options.InstanceUri)
        {
            FollowRedirects = false,
            // The pipeline times attempts out; this only bounds a call that somehow escapes it.
            Timeout = options.Resilience.AttemptTimeout + TimeSpan.FromMinutes(1),
        };
        if (options.AuthMode == ServiceNowAuthMode.Basic)
        {
            clientOptions.Authenticator = new HttpBasicAuthenticator(options.User, options.Password);
        }
        else
        {
            _tokens = new ServiceNowTokenSource(options, time, logger);
        }

        _client = new RestClient(clientOptions);
    }

    /// <summary>Sends the request and returns the body's <c>result</c> (an object or an array).</summary>
    public async Task<JsonNode?> SendAsync(RestRequest request, string operation, CancellationToken cancellationToken)
    {
        request.AddOrUpdateHeader("Accept", "application/json");
        var response = await ExecuteAuthenticatedAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailureClassifier.Classify(ServiceNowServiceDesk.DisplayName, operation, response, ServiceNowErrorDescriber.Describe, _time.GetUtcNow());
        }

        return string.IsNullOrWhiteSpace(response.Content) ? null : JsonNode.Parse(response.Content)?["result"];
    }

    public void Dispose()
    {
        _client.Dispose();
        _tokens?.Dispose();
    }

    private async Task<RestResponse> ExecuteAuthenticatedAsync(RestRequest request, CancellationToken cancellationToken)
    {
        if (_tokens is null)
        {
            return await ExecuteAsync(request, cancellationToken);
        }

        var token = await _tokens.GetAccessTokenAsync(cancellationToken);
        request.AddOrUpdateHeader("Authorization", "Bearer " + token);
        var response = await ExecuteAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // The token expired or was revoked early: renew it and try once more, as the instance expects.
        ServiceNowLog.TokenRefused(_logger);
        _tokens.Reject(token);
        request.AddOrUpdateHeader("Authorization", "Bearer " + await _tokens.GetAccessTokenAsync(cancellationToken));
        return await ExecuteAsync(request, cancellationToken);
    }

    private async Task<RestResponse> ExecuteAsync(RestRequest request, CancellationToken cancellationToken)
    {
        var response = await _client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        return response;
    }
}
