using Amazon.Runtime;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// Gives each SDK client an <see cref="HttpClient"/> whose requests pass through <see cref="AwsRateLimitHandler"/>.
/// The SDK caches the client it is given, so one handler chain serves a client for its lifetime.
/// </summary>
internal sealed class AwsRateLimitedHttpClients(AwsRateLimiter limiter, string service) : HttpClientFactory
{
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer ?? int.MaxValue,
        };
        var client = new HttpClient(new AwsRateLimitHandler(limiter, service) { InnerHandler = sockets }, disposeHandler: true);
        if (clientConfig.Timeout is { } timeout)
        {
            client.Timeout = timeout;
        }

        return client;
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public override string GetConfigUniqueString(IClientConfig clientConfig) => $"rate-limited:{service}:{clientConfig.Timeout}";
}
