using System.Threading.Channels;

namespace ChangeOrchestrator.Simulators.Jira.Webhooks;

/// <summary>
/// Deliveries waiting for the dispatcher. A reset bumps <see cref="Generation"/> so that deliveries and retries
/// queued before it are discarded rather than sent into the next test.
/// </summary>
internal sealed class JiraWebhookQueue
{
    private readonly Channel<JiraWebhookDelivery> _channel = Channel.CreateUnbounded<JiraWebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public ChannelReader<JiraWebhookDelivery> Reader => _channel.Reader;

    public void Enqueue(JiraWebhookDelivery delivery) => _channel.Writer.TryWrite(delivery);

    public void Reset() => Interlocked.Increment(ref _generation);
}
