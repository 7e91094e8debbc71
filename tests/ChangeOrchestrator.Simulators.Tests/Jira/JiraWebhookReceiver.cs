using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Simulators.Tests.Jira;

/// <summary>A second Kestrel app that records webhook POSTs; it can answer the first N with an error status.</summary>
public sealed class JiraWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedJiraWebhook> _received = new();
    private int _failuresLeft;
    private int _failureStatus = 500;

    private JiraWebhookReceiver(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IReadOnlyList<ReceivedJiraWebhook> Received => [.. _received];

    public static async Task<JiraWebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new JiraWebhookReceiver(app);
        app.MapPost("/hooks/{**rest}", (Func<HttpContext, Task<IResult>>)receiver.ReceiveAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        receiver.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return receiver;
    }

    public string Url(string name) => new Uri(BaseAddress, "hooks/" + name).ToString();

    /// <summary>Answer the next <paramref name="count"/> deliveries with <paramref name="status"/>.</summary>
    public void FailNext(int count, int status)
    {
        _failureStatus = status;
        Interlocked.Exchange(ref _failuresLeft, count);
    }

    /// <summary>Polls until the condition holds, with a bounded deadline (deliveries are asynchronous).</summary>
    public async Task<IReadOnlyList<ReceivedJiraWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedJiraWebhook>, bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var received = Received;
            if (condition(received))
            {
                return received;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                throw new TimeoutException($"Gave up waiting for {what}; received {received.Count}: "
                    + string.Join(" | ", received.Select(r => System.Text.Encoding.UTF8.GetString(r.Body))));
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? _failureStatus : 200;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _received.Enqueue(new ReceivedJiraWebhook(context.Request.Path.Value ?? "", headers, buffer.ToArray(), status));
        return Results.StatusCode(status);
    }
}
