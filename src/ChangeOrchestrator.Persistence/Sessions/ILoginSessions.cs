namespace ChangeOrchestrator.Persistence.Sessions;

/// <summary>Server-side sessions of local logins: a logout deletes the session, so a copied cookie is worthless afterwards.</summary>
public interface ILoginSessions
{
    Task StoreAsync(string id, string userName, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    /// <summary>The ticket of a live session; null when it ended (logged out, expired, never existed).</summary>
    Task<byte[]?> FindAsync(string id, CancellationToken cancellationToken);

    Task RenewAsync(string id, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken);

    Task RemoveAsync(string id, CancellationToken cancellationToken);
}
