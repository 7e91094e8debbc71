using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Sessions;

/// <summary>Sessions in the workflow database, so every node sees a logout at once; expired rows go when a new session is stored.</summary>
internal sealed class EfLoginSessions(IDbContextFactory<WorkflowDbContext> contexts, TimeProvider time) : ILoginSessions
{
    public async Task StoreAsync(string id, string userName, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<LoginSessionRow>().Where(s => s.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);
        db.Set<LoginSessionRow>().Add(new LoginSessionRow { Id = id, UserName = userName, Ticket = ticket, ExpiresAt = expiresAt.ToUniversalTime() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<byte[]?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<LoginSessionRow>().Where(s => s.Id == id && s.ExpiresAt > now).Select(s => s.Ticket).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task RenewAsync(string id, byte[] ticket, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var until = expiresAt.ToUniversalTime();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<LoginSessionRow>().Where(s => s.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Ticket, ticket).SetProperty(r => r.ExpiresAt, until), cancellationToken);
    }

    public async Task RemoveAsync(string id, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Set<LoginSessionRow>().Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
    }
}
