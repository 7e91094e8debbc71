using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>Records a rejection as a structured warning and as a <c>Rejected</c> inbox row without body, kept for the replay window.</summary>
internal sealed class InboxWebhookRejectionLog(
    IWebhookInbox inbox,
    IOptions<WebhooksOptions> options,
    TimeProvider time,
    ILogger<InboxWebhookRejectionLog> logger) : IWebhookRejectionLog
{
    public async Task RecordAsync(WebhookRejection rejection, CancellationToken cancellationToken)
    {
        WebhookLog.Rejected(logger, rejection.Source, rejection.RemoteIp, rejection.At, rejection.Reason);
        try
        {
            await inbox.RecordRejectedAsync(
                new RejectedWebhook(
                    Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
                    rejection.Source,
                    rejection.RemoteIp,
                    rejection.Reason,
                    rejection.At,
                    rejection.At + options.Value.ReplayWindow),
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WebhookLog.RejectionNotRecorded(logger, ex, rejection.Source, rejection.RemoteIp);
        }
    }
}
