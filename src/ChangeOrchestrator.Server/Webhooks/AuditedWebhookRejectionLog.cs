using ChangeOrchestrator.Persistence.Audit;

namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// A failed webhook verification goes to the audit log as <c>webhook.rejected</c> (source, address, reason, never the
/// body) as well as to the inbox's own record, so whoever reads the audit trail sees forged or misconfigured senders.
/// </summary>
internal sealed class AuditedWebhookRejectionLog(
    InboxWebhookRejectionLog inner, IAuditLog audit, ILogger<AuditedWebhookRejectionLog> logger) : IWebhookRejectionLog
{
    public const string Action = "webhook.rejected";

    public async Task RecordAsync(WebhookRejection rejection, CancellationToken cancellationToken)
    {
        await inner.RecordAsync(rejection, cancellationToken);
        try
        {
            await audit.AppendAsync(
                new AuditEntry
                {
                    Actor = "anonymous",
                    Action = Action,
                    ObjectType = "webhook",
                    ObjectId = rejection.Source,
                    RemoteIp = rejection.RemoteIp,
                    Outcome = StatusCodes.Status401Unauthorized,
                    Detail = rejection.Reason,
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The sender gets its 401 whatever happens here; a lost audit entry is reported, never thrown.
            WebhookLog.RejectionNotAudited(logger, ex, rejection.Source);
        }
    }
}
