using Microsoft.Extensions.Hosting;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Migrates in the host's Starting phase, which ends before any hosted service starts: no worker touches a table
/// the migration has not created yet.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
