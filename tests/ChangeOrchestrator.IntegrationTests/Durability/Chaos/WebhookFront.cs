using ChangeOrchestrator.IntegrationTests.Support.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The load balancer in front of the nodes, as the desks' webhooks reach a cluster: one stable address that passes
/// each delivery, unchanged (body, signature and delivery headers), to a node that answers; a node killed under it
/// is skipped. When no node answers for a while the delivery is refused with 503 and the desk retries it.
/// </summary>
internal sealed class WebhookFront : IAsyncDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(20);
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Content-Length", "Transfer-Encoding", "Connection" };

    private readonly WebApplication _app;
    private readonly Func<IReadOnlyList<Uri>> _nodes;
    private readonly HttpClient _client = new() { Timeout = TimeSpan.FromSeconds(15) };
    private int _next;
    private int _forwarded;

    private WebhookFront(WebApplication app, Func<IReadOnlyList<Uri>> nodes, Uri address)
    {
        _app = app;
        _nodes = nodes;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Deliveries a node acknowledged.</summary>
    public int Forwarded => Volatile.Read(ref _forwarded);

    public static async Task<WebhookFront> StartAsync(Func<IReadOnlyList<Uri>> nodes)
    {
        var port = LoopbackPort.Free();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var front = new WebhookFront(app, nodes, new Uri($"http://127.0.0.1:{port}/"));
        app.Map("/{**path}", front.ForwardAsync);
        await app.StartAsync();
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _client.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < GiveUpAfter)
        {
            var nodes = _nodes();
            var node = nodes[(int)((uint)Interlocked.Increment(ref _next) % (uint)nodes.Count)];
            try
            {
                using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(node, context.Request.Path.Value!.TrimStart('/') + context.Request.QueryString))
                {
                    Content = new ByteArrayContent(body.ToArray()),
                };
                foreach (var (name, values) in context.Request.Headers)
                {
                    if (HopHeaders.Contains(name))
                    {
                        continue;
                    }

                    if (!request.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
                    {
                        request.Content.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
                    }
                }

                using var response = await _client.SendAsync(request, context.RequestAborted);
                if ((int)response.StatusCode >= 500)
                {
                    // The node is starting or shutting down: another node (or this one in a moment) takes it.
                    await Task.Delay(200, context.RequestAborted);
                    continue;
                }

                context.Response.StatusCode = (int)response.StatusCode;
                if ((int)response.StatusCode < 300)
                {
                    Interlocked.Increment(ref _forwarded);
                }

                await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !context.RequestAborted.IsCancellationRequested)
            {
                // Killed under the delivery, or not listening yet: try the other node.
                await Task.Delay(200, context.RequestAborted);
            }
        }

        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
    }
}
