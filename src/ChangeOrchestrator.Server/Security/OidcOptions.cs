namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Section <c>Auth:Oidc</c>: people sign in at the organisation's identity provider and call the API with its JWT
/// access tokens (<c>Authorization: Bearer ...</c>). Off unless <see cref="Authority"/> or <see cref="SigningKeys"/> is set.
/// </summary>
public sealed class OidcOptions
{
    /// <summary>The issuer's base URL; its <c>/.well-known/openid-configuration</c> names the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The <c>aud</c> a token must carry: this API's identifier at the provider.</summary>
    public string? Audience { get; set; }

    /// <summary>The <c>iss</c> a token must carry; the authority when not set.</summary>
    public string? Issuer { get; set; }

    /// <summary>
    /// The claim holding the caller's roles or groups, e.g. <c>roles</c>, <c>groups</c>, or a path into a JSON claim
    /// such as <c>realm_access.roles</c>.
    /// </summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim shown as the caller's name in the audit log; <c>sub</c> when the token lacks it.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>
    /// Identity-provider role or group → one of Viewer, Operator, Designer, Admin. When empty, values that are our role
    /// names are taken as they are; when set, only mapped values grant anything.
    /// </summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// PEM public keys (RSA or EC) that sign the tokens, for an issuer whose metadata cannot be fetched (an isolated
    /// network, tests). When set, tokens are checked against these keys and <see cref="Issuer"/> without any request.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>Fetch the authority's metadata over HTTPS only; turn off only for a provider on loopback.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Sign-in to the web console at this provider.</summary>
    public ConsoleOidcOptions Console { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority) || SigningKeys.Count > 0;

    /// <summary>The issuer tokens must name.</summary>
    public string? ExpectedIssuer => string.IsNullOrWhiteSpace(Issuer) ? Authority : Issuer;
}
