namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>
/// Where failed webhook verifications are recorded. The default (<see cref="InboxWebhookRejectionLog"/>) writes a
/// structured warning and a body-less <c>Rejected</c> row in the webhook inbox; replace or decorate the registration
/// to route them elsewhere too, e.g. to an audit log.
/// </summary>
internal interface IWebhookRejectionLog
{
    /// <summary>Must not throw for a storage failure: the caller answers 401 whatever happens here.</summary>
    Task RecordAsync(WebhookRejection rejection, CancellationToken cancellationToken);
}
