namespace ChangeOrchestrator.Server.Security;

/// <summary>A local login as configured: the password only as a PBKDF2 hash made by the <c>hash-password</c> command.</summary>
public sealed class LocalUser
{
    public string Name { get; set; } = string.Empty;

    /// <summary><c>pbkdf2-sha256$iterations$salt$hash</c> (salt and hash in base64).</summary>
    public string PasswordHash { get; set; } = string.Empty;

    public List<string> Roles { get; set; } = [];
}
