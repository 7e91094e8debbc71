using Amazon.Runtime;

namespace ChangeOrchestrator.Connectors.Aws.RateLimits;

/// <summary>
/// Gives the SDK clients of one service an <see cref="HttpClient"/> whose requests pass through
/// <see cref="AwsRateLimitHandler"/>. It keeps that client itself: the SDK's own cache is shared by every client in
/// the process with an equal configuration, so it would hand one connector's buckets to another.
/// </summary>
internal sealed class AwsRateLimitedHttpClients(AwsRateLimiter limiter, string service) : HttpClientFactory, IDisposable
{
    private readonly Lock _gate = new();
    private HttpClient? _client;

    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        lock (_gate)
        {
            return _client ??= Create(clientConfig);
        }
    }

    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    public void Dispose()
    {
        lock (_gate)
        {
            _client?.Dispose();
            _client = null;
        }
    }

    private HttpClient Create(IClientConfig clientConfig)
    {
        var sockets = new SocketsHttpHandler
        {
            AllowAutoRedirect = clientConfig.AllowAutoRedirect,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            MaxConnectionsPerServer = clientConfig.MaxConnectionsPerServer ?? int.MaxValue,
        };
        // The handler times each attempt from when it leaves; the client's own timeout would also count the wait for a token.
        var timeout = clientConfig.Timeout ?? TimeSpan.FromSeconds(100);
        var handler = new AwsRateLimitHandler(limiter, service, timeout) { InnerHandler = sockets };
        return new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
