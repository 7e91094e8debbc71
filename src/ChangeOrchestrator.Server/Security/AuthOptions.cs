namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Configuration section <c>Auth</c>: the API keys of machines, the identity provider of people
/// (<c>Auth:Oidc</c>) and the local logins (<c>Auth:Local</c>).
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyDefinition> ApiKeys { get; set; } = [];

    public OidcOptions Oidc { get; set; } = new();

    public LocalLoginOptions Local { get; set; } = new();
}
