namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

internal sealed class ServiceNowOAuthOptions
{
    /// <summary>The system property glide.oauth.inbound.client.credential.grant_type.enabled.</summary>
    public bool ClientCredentialsEnabled { get; set; } = true;

    public int AccessTokenLifetimeSeconds { get; set; } = 1799;

    public int RefreshTokenLifetimeSeconds { get; set; } = 8_640_000;

    /// <summary>OAuth application registry entries; when none are configured a sandbox client is used.</summary>
    public List<ServiceNowOAuthClientOptions> Clients { get; set; } = [];
}
