namespace ChangeOrchestrator.Server.Security;

/// <summary>Configuration section <c>Auth</c>: the API keys of machines and people.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public List<ApiKeyDefinition> ApiKeys { get; set; } = [];
}
