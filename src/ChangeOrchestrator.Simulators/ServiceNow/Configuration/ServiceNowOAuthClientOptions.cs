namespace ChangeOrchestrator.Simulators.ServiceNow.Configuration;

internal sealed class ServiceNowOAuthClientOptions
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    /// <summary>The OAuth Application User: the identity a client_credentials token acts as.</summary>
    public string ApplicationUser { get; set; } = "";
}
