using Microsoft.Extensions.Hosting;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Migrates in the host's Starting phase, which ends before any hosted service starts: no worker touches a table
/// the migration has not created yet. A database that cannot be reached yet is waited for (see
/// <see cref="DatabaseStartupWait"/>); migrating again after a lost connection is safe, since EF applies only the
/// migrations its history table does not list.
/// </summary>
internal sealed class DatabaseMigrationService(DatabaseMigrator migrator, DatabaseStartupWait wait) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) =>
        wait.RunAsync("migrating the schema", token => migrator.MigrateAsync(token), cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
