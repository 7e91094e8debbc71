namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Section <c>Auth:Local</c>: user names and passwords checked by the server itself, for the sandbox and for sites
/// without an identity provider. Off outside the sandbox unless <see cref="Users"/> are configured.
/// </summary>
public sealed class LocalLoginOptions
{
    public List<LocalUser> Users { get; set; } = [];

    /// <summary>How long a session cookie stays valid without use; each request within it extends it.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Login attempts one IP address may make per <see cref="LoginWindow"/>.</summary>
    public int LoginPermitLimit { get; set; } = 5;

    public TimeSpan LoginWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A folder for the keys that protect session cookies. Nodes behind one load balancer must share it (or a
    /// session from one node is refused by another); without it, each machine keeps its own keys.
    /// </summary>
    public string? KeyRingFolder { get; set; }
}
