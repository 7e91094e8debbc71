using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// Sends queued deliveries one at a time, in order. A failed attempt (non-2xx, timeout, connection error) is queued
/// again after a doubling simulated delay until the attempts run out; later deliveries do not wait for it.
/// </summary>
internal sealed partial class JiraWebhookDispatcher(
    JiraWebhookQueue queue,
    JiraWebhookFaults faults,
    JiraDeliveryLog log,
    IHttpClientFactory httpClients,
    SimulatorClock clock,
    IOptions<JiraSimulatorOptions> options,
    ILogger<JiraWebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "Simulators.Jira.Webhooks";

    private JiraWebhookDelivery? _held;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.Reader.ReadAllAsync(stoppingToken))
            {
                if (delivery.Generation == queue.Generation)
                {
                    await ProcessAsync(delivery, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutting down.
        }
    }

    private async Task ProcessAsync(JiraWebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var fault = delivery.Attempt == 1 ? faults.Take() : JiraDeliveryFaults.None;
        if (fault.Drop)
        {
            log.Add(Record(delivery, JiraDeliveryRecord.Dropped, null, null, null));
            return;
        }

        if (fault.OutOfOrder && _held is null)
        {
            // Sent right after the next delivery, so the receiver sees the two swapped.
            _held = delivery;
            return;
        }

        await SendAsync(delivery, fault, cancellationToken);
        if (fault.Duplicate)
        {
            await SendAsync(delivery, JiraDeliveryFaults.None, cancellationToken, retryOnFailure: false);
        }

        if (_held is { } held)
        {
            _held = null;
            if (held.Generation == queue.Generation)
            {
                await SendAsync(held, JiraDeliveryFaults.None, cancellationToken);
            }
        }
    }

    private async Task SendAsync(JiraWebhookDelivery delivery, JiraDeliveryFaults fault, CancellationToken cancellationToken, bool retryOnFailure = true)
    {
        var signature = Signature(delivery, fault);
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url);
        request.Content = new ByteArrayContent(delivery.ExcludeBody ? [] : delivery.Body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "UTF-8" };
        request.Headers.UserAgent.ParseAdd("Atlassian-Webhook-HTTP-Client");
        request.Headers.Add("X-Atlassian-Webhook-Identifier", delivery.Identifier);
        request.Headers.Add("X-Atlassian-Webhook-Flow", JiraWebhookDelivery.PrimaryFlow);
        if (delivery.Attempt > 1)
        {
            request.Headers.Add("X-Atlassian-Webhook-Retry", (delivery.Attempt - 1).ToString(CultureInfo.InvariantCulture));
        }

        if (signature is not null)
        {
            request.Headers.Add(JiraWebhookSigner.HeaderName, signature);
        }

        int? status = null;
        string? error = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookDelivery.Timeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
        }
        catch (HttpRequestException ex)
        {
            error = ex.Message;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = "The receiver did not answer in time.";
        }

        var delivered = status is >= 200 and < 300;
        log.Add(Record(delivery, delivered ? JiraDeliveryRecord.Delivered : JiraDeliveryRecord.Failed, status, error, signature));
        if (!delivered)
        {
            LogFailed(delivery.Identifier, delivery.Attempt, status, error);
            if (retryOnFailure && delivery.Attempt < options.Value.WebhookDelivery.MaxAttempts)
            {
                _ = RetryLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, cancellationToken);
            }
        }
    }

    private async Task RetryLaterAsync(JiraWebhookDelivery next, CancellationToken cancellationToken)
    {
        var settings = options.Value.WebhookDelivery;
        var doubling = settings.FirstRetryDelay * Math.Pow(2, next.Attempt - 2);
        var delay = doubling < settings.MaxRetryDelay ? doubling : settings.MaxRetryDelay;
        try
        {
            await Task.Delay(clock.ToReal(delay), clock.TimeProvider, cancellationToken);
            queue.Enqueue(next);
        }
        catch (OperationCanceledException)
        {
            // Host shutting down: the retry is abandoned, as it would be on a real site restart.
        }
    }

    private static string? Signature(JiraWebhookDelivery delivery, JiraDeliveryFaults fault)
    {
        if (delivery.Secret is null || fault.MissingSignature)
        {
            return null;
        }

        var body = delivery.ExcludeBody ? [] : delivery.Body;
        return fault.WrongSignature
            ? JiraWebhookSigner.Sign(body, delivery.Secret + "-not-the-secret")
            : JiraWebhookSigner.Sign(body, delivery.Secret);
    }

    private JiraDeliveryRecord Record(JiraWebhookDelivery delivery, string outcome, int? status, string? error, string? signature) => new(
        delivery.Identifier,
        delivery.WebhookId,
        delivery.Url,
        delivery.Event,
        delivery.IssueKey,
        delivery.Attempt,
        outcome,
        status,
        error,
        signature,
        clock.UtcNow,
        Encoding.UTF8.GetString(delivery.Body));

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Jira webhook delivery {Identifier} attempt {Attempt} failed (status {Status}, error {Error})")]
    private partial void LogFailed(string identifier, int attempt, int? status, string? error);
}
