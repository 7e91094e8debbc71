namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Section <c>Auth:Oidc:Console</c>: people sign in to the web console at the identity provider of
/// <c>Auth:Oidc:Authority</c> (authorization code with PKCE), as this client. Off unless <see cref="ClientId"/> is set.
/// </summary>
public sealed class ConsoleOidcOptions
{
    public string? ClientId { get; set; }

    /// <summary>The client's secret at the provider; leave empty for a public client.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>What the sign-in page calls the provider ("Sign in with ...").</summary>
    public string DisplayName { get; set; } = "your organisation's account";

    /// <summary>Scopes asked for beside <c>openid</c> and <c>profile</c>, e.g. <c>roles</c> or <c>groups</c>.</summary>
    public List<string> Scopes { get; set; } = [];

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);
}
