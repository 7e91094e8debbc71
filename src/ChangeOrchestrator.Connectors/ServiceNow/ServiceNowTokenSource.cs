using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using Microsoft.Extensions.Logging;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// OAuth tokens from /oauth_token.do, cached until shortly before expires_in and renewed with the refresh token when
/// the grant gave one. A token the instance refuses (401) is dropped, so the next request fetches a new one.
/// </summary>
internal sealed class ServiceNowTokenSource : IDisposable
{
    private const string TokenResource = "oauth_token.do";

    /// <summary>Renew this long before expiry, so a token never runs out in flight (at most half its lifetime).</summary>
    private static readonly TimeSpan RenewalMargin = TimeSpan.FromSeconds(60);

    private readonly RestClient _client;
    private readonly ServiceNowOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServiceNowToken? _current;

    public ServiceNowTokenSource(ServiceNowOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _client = new RestClient(new RestClientOptions(options.InstanceUri)
        {
            FollowRedirects = false,
            // The pipeline times attempts out; this only bounds a call that somehow escapes it.
            Timeout = options.Resilience.AttemptTimeout + TimeSpan.FromMinutes(1),
        });
    }

    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        if (Usable(Volatile.Read(ref _current)) is { } cached)
        {
            return cached.AccessToken;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Usable(_current) is { } fresh)
            {
                return fresh.AccessToken;
            }

            var token = await RenewAsync(_current?.RefreshToken, cancellationToken);
            Volatile.Write(ref _current, token);
            return token.AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Forgets an access token the instance refused; its refresh token stays for the renewal.</summary>
    public void Reject(string accessToken)
    {
        var current = Volatile.Read(ref _current);
        if (current?.AccessToken == accessToken)
        {
            Interlocked.CompareExchange(ref _current, current with { UseUntil = DateTimeOffset.MinValue }, current);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _gate.Dispose();
    }

    private ServiceNowToken? Usable(ServiceNowToken? token) => token is not null && _time.GetUtcNow() < token.UseUntil ? token : null;

    private async Task<ServiceNowToken> RenewAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        if (refreshToken is not null)
        {
            try
            {
                return await RequestAsync("refresh_token", cancellationToken, ("refresh_token", refreshToken));
            }
            catch (ServiceDeskHttpException ex) when (!ex.IsTransient)
            {
                // An expired or revoked refresh token: start over with the primary grant.
                ServiceNowLog.RefreshTokenRefused(_logger, ex.Message);
            }
        }

        return string.IsNullOrWhiteSpace(_options.User)
            ? await RequestAsync("client_credentials", cancellationToken)
            : await RequestAsync("password", cancellationToken, ("username", _options.User), ("password", _options.Password));
    }

    private async Task<ServiceNowToken> RequestAsync(string grant, CancellationToken cancellationToken, params (string Name, string Value)[] fields)
    {
        var request = new RestRequest(TokenResource, Method.Post);
        request.AddHeader("Accept", "application/json");
        request.AddParameter("grant_type", grant);
        request.AddParameter("client_id", _options.ClientId);
        request.AddParameter("client_secret", _options.ClientSecret);
        foreach (var (name, value) in fields)
        {
            request.AddParameter(name, value);
        }

        var response = await _client.ExecuteAsync(request, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();
        var operation = $"POST /{TokenResource} ({grant} grant)";
        if (!response.IsSuccessStatusCode)
        {
            throw HttpFailureClassifier.Classify(ServiceNowServiceDesk.DisplayName, operation, response, ServiceNowErrorDescriber.Describe, _time.GetUtcNow());
        }

        var json = string.IsNullOrEmpty(response.Content) ? null : JsonNode.Parse(response.Content);
        var accessToken = ServiceNowJson.Value(json, "access_token");
        if (accessToken.Length == 0)
        {
            throw new ServiceDeskHttpException(ServiceNowServiceDesk.DisplayName, $"ServiceNow answered {operation} without an access_token", isTransient: false, (int)response.StatusCode);
        }

        var lifetime = int.TryParse(ServiceNowJson.Value(json, "expires_in"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : TimeSpan.FromMinutes(30);
        var margin = lifetime / 2 < RenewalMargin ? lifetime / 2 : RenewalMargin;
        var refresh = ServiceNowJson.Value(json, "refresh_token");
        ServiceNowLog.TokenIssued(_logger, grant, lifetime);
        return new ServiceNowToken(accessToken, refresh.Length > 0 ? refresh : null, _time.GetUtcNow() + lifetime - margin);
    }
}
