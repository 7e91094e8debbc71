using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence.Webhooks;
using ChangeOrchestrator.Server.Health;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Processes the webhook inbox: woken by each new delivery, and scanning every poll interval for deliveries of other
/// nodes, retries that came due and claims of dead nodes that ran out. A failed delivery is retried with doubling
/// delay and parked with its error after the last attempt.
/// </summary>
internal sealed class WebhookInboxWorker(
    IWebhookInbox inbox,
    WebhookProcessor processor,
    WebhookInboxSignal signal,
    IFaultPoints faults,
    WorkerHeartbeats heartbeats,
    IOptions<WebhooksOptions> options,
    IOptions<EngineOptions> engine,
    TimeProvider time,
    ILogger<WebhookInboxWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Processing;
        if (!settings.Enabled)
        {
            return;
        }

        var nextPurge = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // A full batch means more may be waiting: keep going before sleeping.
                while (await ProcessBatchAsync(settings, stoppingToken) == settings.BatchSize)
                {
                }

                var (depth, oldest) = await inbox.MeasureAsync(stoppingToken);
                Telemetry.ServerMetrics.MeasureInbox(depth, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);

                if (time.GetUtcNow() >= nextPurge)
                {
                    var purged = await inbox.PurgeAsync(time.GetUtcNow(), stoppingToken);
                    if (purged > 0)
                    {
                        WebhookLog.Purged(logger, purged);
                    }

                    nextPurge = time.GetUtcNow() + settings.PurgeInterval;
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                WebhookLog.ScanFailed(logger, ex);
            }

            heartbeats.Beat(nameof(WebhookInboxWorker), settings.PollInterval);

            try
            {
                await signal.WaitAsync(settings.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<int> ProcessBatchAsync(WebhookProcessingOptions settings, CancellationToken cancellationToken)
    {
        var owner = engine.Value.NodeId;
        var items = await inbox.ClaimAsync(owner, settings.ClaimDuration, settings.BatchSize, cancellationToken);
        if (items.Count == 0)
        {
            return 0;
        }

        // Deliveries about one change keep their order (a state change, then the approval); different changes run side by side.
        var lanes = items
            .Select(item => (Item: item, Content: TryRead(item, out var error), Error: error))
            .GroupBy(x => x.Content?.OrderingKey ?? x.Item.Id, StringComparer.Ordinal)
            .ToList();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken };

        // Claims are renewed while the batch is processed, so they can be short: a dead node's deliveries are free again soon.
        var ids = items.Select(i => i.Id).ToList();
        await using (Heartbeat.Start(settings.ClaimDuration / 3, time, token => inbox.RenewClaimsAsync(owner, ids, settings.ClaimDuration, token)))
        {
            await Parallel.ForEachAsync(lanes, parallel, async (lane, token) =>
            {
                foreach (var (item, content, error) in lane)
                {
                    await HandleAsync(owner, settings, item, content, error, token);
                }
            });
        }
        return items.Count;
    }

    private async Task HandleAsync(
        string owner, WebhookProcessingOptions settings, WebhookInboxItem item, WebhookContent? content, Exception? readError, CancellationToken cancellationToken)
    {
        if (content is null)
        {
            await ParkAsync(owner, item, readError!);
            return;
        }

        try
        {
            // Processed only after every stimulus took effect in its own commit (or provably had nothing to resume):
            // a failure anywhere before leaves the row pending, and its retry applies what was not applied.
            await faults.ReachAsync(FaultPoint.WebhookClaimed, cancellationToken);
            await processor.ProcessAsync(item, content, cancellationToken);
            await faults.ReachAsync(FaultPoint.WebhookProcessed, cancellationToken);
            await inbox.CompleteAsync(item.Id, owner, CancellationToken.None);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (WebhookProcessor.IsPermanent(ex) || item.Attempts >= settings.MaxAttempts)
            {
                await ParkAsync(owner, item, ex);
                return;
            }

            var retryAt = time.GetUtcNow() + Backoff(settings, item.Attempts);
            await inbox.FailAsync(item.Id, owner, Describe(ex), retryAt, CancellationToken.None);
            WebhookLog.WillRetry(logger, ex, item.Id, item.Source, item.Attempts, retryAt);
        }
    }

    private async Task ParkAsync(string owner, WebhookInboxItem item, Exception exception)
    {
        var error = Describe(exception);
        await inbox.FailAsync(item.Id, owner, error, retryAt: null, CancellationToken.None);
        WebhookLog.Parked(logger, item.Id, item.Source, item.Attempts, error);
    }

    private static string Describe(Exception exception) => $"{exception.GetType().Name}: {exception.Message}";

    private WebhookContent? TryRead(WebhookInboxItem item, out Exception? error)
    {
        try
        {
            error = null;
            return processor.Read(item);
        }
        catch (InvalidDataException ex)
        {
            error = ex;
            return null;
        }
    }

    private static TimeSpan Backoff(WebhookProcessingOptions settings, int attempts)
    {
        var doubled = settings.FirstRetryDelay * Math.Pow(2, Math.Min(attempts - 1, 30));
        return doubled < settings.MaxRetryDelay ? doubled : settings.MaxRetryDelay;
    }
}
