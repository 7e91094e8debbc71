namespace ChangeOrchestrator.Simulators.Jira.Configuration;

/// <summary>An OAuth 2.0 access token and the account it acts for.</summary>
public sealed class JiraBearerTokenOptions
{
    public string Token { get; set; } = "";

    public string AccountId { get; set; } = "";

    /// <summary>Only apps (OAuth 2.0 / Connect) may manage dynamic webhooks; other callers get 403.</summary>
    public bool IsApp { get; set; } = true;
}
