namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

internal static partial class WebhookDispatcherLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} to {Url} answered {StatusCode} on attempt {Attempt}")]
    public static partial void Answered(ILogger logger, string deliveryId, string url, int statusCode, int attempt);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Debug, Message = "Webhook delivery {DeliveryId} to {Url} failed on attempt {Attempt}: {Reason}")]
    public static partial void AttemptFailed(ILogger logger, string deliveryId, string url, int attempt, string reason);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning, Message = "Webhook delivery {DeliveryId} to {Url} given up after {Attempts} attempts")]
    public static partial void GaveUp(ILogger logger, string deliveryId, string url, int attempts);
}
