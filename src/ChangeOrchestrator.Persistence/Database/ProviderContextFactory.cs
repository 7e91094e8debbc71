using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>Hands out the configured provider's context as the base type the stores use.</summary>
internal sealed class ProviderContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<WorkflowDbContext>
    where TContext : WorkflowDbContext
{
    public WorkflowDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<WorkflowDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
