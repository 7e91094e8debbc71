using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Persistence.Clock;

public static class DatabaseClockServiceCollectionExtensions
{
    /// <summary>
    /// On PostgreSQL, replaces the registered clock with a <see cref="DatabaseClock"/> wrapped around it; call it after
    /// every other registration of <see cref="TimeProvider"/>. SQLite serves one node, whose own clock is the only one.
    /// </summary>
    public static IServiceCollection UseDatabaseClock(this IServiceCollection services, PersistenceOptions options)
    {
        if (options.Provider != PersistenceProvider.Postgres)
        {
            return services;
        }

        var local = services.LastOrDefault(d => d.ServiceType == typeof(TimeProvider))?.ImplementationInstance as TimeProvider ?? TimeProvider.System;
        var clock = new DatabaseClock(local);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddHostedService(sp => new DatabaseClockSync(
            clock, sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), sp.GetRequiredService<DatabaseStartupWait>(), local,
            sp.GetRequiredService<ILogger<DatabaseClockSync>>()));
        return services;
    }
}
