using System.Threading.Channels;

namespace ChangeOrchestrator.Simulators.ServiceNow.Notifications;

/// <summary>Hands deliveries from the request that changed a record to the background sender.</summary>
internal sealed class WebhookQueue
{
    private readonly Channel<WebhookDelivery> _channel = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(WebhookDelivery delivery) => _channel.Writer.TryWrite(delivery);

    public IAsyncEnumerable<WebhookDelivery> ReadAllAsync(CancellationToken cancellationToken) => _channel.Reader.ReadAllAsync(cancellationToken);
}
