using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Server.Database;

namespace ChangeOrchestrator.Server.Cli;

/// <summary><c>migrate</c>: applies the database migrations and exits, for operators who run them as a separate step.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = PersistenceConfiguration.Read(configuration);
        options.MigrateOnStartup = false;

        await using var services = new ServiceCollection().AddLogging().AddWorkflowPersistence(options).BuildServiceProvider();
        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync($"{options.Provider} database is up to date.");
        return 0;
    }
}
