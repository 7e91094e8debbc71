namespace ChangeOrchestrator.Server.Webhooks;

/// <summary>What every source has: the secrets that verify its deliveries.</summary>
public abstract class WebhookSourceOptions
{
    /// <summary>At most two, so a secret can be rotated: add the new one, switch the sender, remove the old one.</summary>
    public const int MaxSecrets = 2;

    /// <summary>Any of these verifies a delivery; none configured means the source's endpoint accepts nothing.</summary>
    public List<string> Secrets { get; set; } = [];

    public bool IsConfigured => Secrets.Count > 0;
}
