using System.Security.Cryptography;
using ChangeOrchestrator.Persistence.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Security;

/// <summary>
/// Local-login sessions kept in the database: the cookie carries a random session id, the ticket stays on the server
/// (protected with the data-protection keys). Logging out deletes the session, so a copy of the cookie made before
/// is refused afterwards, on every node.
/// </summary>
internal sealed class DatabaseTicketStore(ILoginSessions sessions, IDataProtectionProvider protection, TimeProvider time, IOptions<AuthOptions> auth) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("ChangeOrchestrator.LoginSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await sessions.StoreAsync(id, ticket.Principal.Identity?.Name ?? "?", Protect(ticket), ExpiresAt(ticket), CancellationToken.None);
        return id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) =>
        sessions.RenewAsync(key, Protect(ticket), ExpiresAt(ticket), CancellationToken.None);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        var stored = await sessions.FindAsync(key, CancellationToken.None);
        if (stored is null)
        {
            return null;
        }

        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(stored));
        }
        catch (CryptographicException)
        {
            // Protected with keys this node cannot read (a key ring that was replaced): the session is over.
            return null;
        }
    }

    public Task RemoveAsync(string key) => sessions.RemoveAsync(key, CancellationToken.None);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTimeOffset ExpiresAt(AuthenticationTicket ticket) =>
        ticket.Properties.ExpiresUtc ?? time.GetUtcNow() + auth.Value.Local.SessionLifetime;
}
