using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>
/// Sends queued deliveries in the background, each on its own so one slow receiver holds up no other, retrying a
/// failed one with doubling back-off up to the configured number of attempts.
/// </summary>
internal sealed class WebhookDispatcher(
    WebhookQueue queue,
    WebhookFaults faults,
    IHttpClientFactory httpClients,
    IOptionsMonitor<ServiceNowSimulatorOptions> options,
    SimulatorClock clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "ServiceNowSimulator.Webhooks";

    private readonly ConcurrentDictionary<Task, bool> _inFlight = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var delivery in queue.ReadAllAsync(stoppingToken))
            {
                var task = DeliverAsync(delivery, stoppingToken);
                _inFlight[task] = true;
                _ = task.ContinueWith(t => _inFlight.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: pending deliveries are abandoned, as an instance restart loses async work.
        }

        await Task.WhenAll(_inFlight.Keys);
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        try
        {
            if (faults.DelaySeconds > 0)
            {
                await Task.Delay(clock.ToReal(TimeSpan.FromSeconds(faults.DelaySeconds)), clock.TimeProvider, cancellationToken);
            }

            var settings = options.CurrentValue.Notifications;
            for (var attempt = 1; attempt <= settings.MaxAttempts; attempt++)
            {
                if (await TryOnceAsync(delivery, attempt, settings, cancellationToken))
                {
                    delivery.Finish(DeliveryOutcome.Delivered);
                    return;
                }

                if (attempt < settings.MaxAttempts)
                {
                    var backoff = TimeSpan.FromSeconds(settings.InitialBackoffSeconds * Math.Pow(2, attempt - 1));
                    await Task.Delay(clock.ToReal(backoff), clock.TimeProvider, cancellationToken);
                }
            }

            delivery.Finish(DeliveryOutcome.Failed);
            WebhookDispatcherLog.GaveUp(logger, delivery.DeliveryId, delivery.Target.Url, settings.MaxAttempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping: the delivery stays Pending in the log.
        }
    }

    private async Task<bool> TryOnceAsync(WebhookDelivery delivery, int attempt, ServiceNowNotificationOptions settings, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Target.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("X-Delivery-Id", delivery.DeliveryId);
        request.Headers.TryAddWithoutValidation("X-Delivery-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
        WebhookRequestSigner.Apply(request, delivery.Payload, delivery.Target, settings);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(settings.TimeoutSeconds));
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var status = (int)response.StatusCode;
            delivery.AddAttempt(new DeliveryAttempt(attempt, status, null));
            WebhookDispatcherLog.Answered(logger, delivery.DeliveryId, delivery.Target.Url, status, attempt);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException || ex is OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            delivery.AddAttempt(new DeliveryAttempt(attempt, null, ex.Message));
            WebhookDispatcherLog.AttemptFailed(logger, delivery.DeliveryId, delivery.Target.Url, attempt, ex.Message);
            return false;
        }
    }
}
