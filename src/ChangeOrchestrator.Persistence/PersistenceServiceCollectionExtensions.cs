using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Persistence.ApiKeys;
using ChangeOrchestrator.Persistence.Audit;
using ChangeOrchestrator.Persistence.Compliance;
using ChangeOrchestrator.Persistence.Database;
using ChangeOrchestrator.Persistence.Definitions;
using ChangeOrchestrator.Persistence.Drafts;
using ChangeOrchestrator.Persistence.Instances;
using ChangeOrchestrator.Persistence.Leases;
using ChangeOrchestrator.Persistence.Recovery;
using ChangeOrchestrator.Persistence.Results;
using ChangeOrchestrator.Persistence.Sessions;
using ChangeOrchestrator.Persistence.Stimuli;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// The durable stores of the workflow engine on SQLite or PostgreSQL; they replace the engine's in-memory stores
    /// whether registered before or after <c>AddWorkflowEngine</c>.
    /// </summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names each wrong key.</exception>
    public static IServiceCollection AddWorkflowPersistence(this IServiceCollection services, PersistenceOptions options)
    {
        var validation = new PersistenceOptionsValidator().Validate(Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(PersistenceOptions), validation.Failures);
        }

        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.RemoveAll<ITimerClaims>();
        services.RemoveAll<IInstanceLeases>();
        services.RemoveAll<IInstanceLeaseLoads>();
        services.RemoveAll<IEventLookups>();
        if (options.Provider == PersistenceProvider.Postgres)
        {
            var connectionString = PostgresConnectionStrings.Prepare(options.ConnectionString!);
            services.AddPooledDbContextFactory<PostgresWorkflowDbContext>(o => o.UsePostgres(connectionString));
            services.AddSingleton<IDbContextFactory<WorkflowDbContext>, ProviderContextFactory<PostgresWorkflowDbContext>>();
            services.AddSingleton<ITimerClaims, PostgresTimerClaims>();
            services.AddSingleton<IInstanceLeaseLoads, PostgresInstanceLeaseLoads>();
            services.AddSingleton<IEventLookups, PostgresEventLookups>();
        }
        else
        {
            var connectionString = SqliteConnectionStrings.Prepare(options);
            services.AddPooledDbContextFactory<SqliteWorkflowDbContext>(o => o.UseSqliteFile(connectionString));
            services.AddSingleton<IDbContextFactory<WorkflowDbContext>, ProviderContextFactory<SqliteWorkflowDbContext>>();
            services.AddSingleton<ITimerClaims, SqliteTimerClaims>();
        }

        services.AddSingleton(sp => new DatabaseStartupWait(
            options, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<DatabaseStartupWait>>()));
        services.AddSingleton(sp => new DatabaseMigrator(
            sp.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), sp.GetRequiredService<ILogger<DatabaseMigrator>>()));
        if (options.MigrateOnStartup)
        {
            services.AddHostedService<DatabaseMigrationService>();
        }

        services.RemoveAll<IWorkflowDefinitionStore>();
        services.RemoveAll<IWorkflowInstanceStore>();
        services.RemoveAll<IStimulusBuffer>();
        services.RemoveAll<IWorkflowInstanceQueries>();
        services.AddSingleton<IWorkflowDefinitionStore, EfWorkflowDefinitionStore>();
        services.AddSingleton<IWorkflowInstanceStore, EfWorkflowInstanceStore>();
        services.AddSingleton<IWorkflowInstanceQueries, EfWorkflowInstanceQueries>();
        services.RemoveAll<IStepResultStore>();
        services.AddSingleton<IStepResultStore, EfStepResultStore>();
        services.AddSingleton<IStimulusBuffer, EfStimulusBuffer>();
        services.AddSingleton<IAuditLog, EfAuditLog>();
        services.AddOptions<ComplianceHistoryOptions>();
        services.AddSingleton<IComplianceHistory, EfComplianceHistory>();
        services.AddSingleton<IChangeResultLog>(provider => provider.GetRequiredService<IComplianceHistory>());
        services.AddSingleton<IComplianceQueries, EfComplianceQueries>();
        services.AddSingleton<IInstanceLeases, EfInstanceLeases>();
        services.AddSingleton<IWebhookInbox, EfWebhookInbox>();
        services.AddSingleton<ILoginSessions, EfLoginSessions>();
        services.AddSingleton<IApiKeyStore, EfApiKeyStore>();
        services.AddSingleton<IDraftStore, EfDraftStore>();
        services.AddSingleton<IRecoveryStore, EfRecoveryStore>();
        return services;
    }
}
