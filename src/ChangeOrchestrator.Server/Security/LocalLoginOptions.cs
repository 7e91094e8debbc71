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
    /// A folder for the keys that protect session cookies, instead of the database. Without it the keys are kept in
    /// the workflow database on PostgreSQL (shared by every node), and per machine on SQLite (one node).
    /// </summary>
    public string? KeyRingFolder { get; set; }

    /// <summary>
    /// A PKCS#12 (.pfx) certificate with its private key that encrypts the key ring at rest. Required in Production
    /// on PostgreSQL, where the keys are shared through the database.
    /// </summary>
    public string? KeyRingCertificatePath { get; set; }

    /// <summary>The password of <see cref="KeyRingCertificatePath"/>, if it has one (from a secret store or the environment).</summary>
    public string? KeyRingCertificatePassword { get; set; }
}
