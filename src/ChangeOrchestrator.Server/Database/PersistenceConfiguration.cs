using ChangeOrchestrator.Persistence;

namespace ChangeOrchestrator.Server.Database;

/// <summary>
/// Reads section <c>Persistence</c> and the connection string of the chosen provider
/// (<c>ConnectionStrings:Sqlite</c> or <c>ConnectionStrings:Postgres</c>); SQLite under ./data when nothing is set.
/// </summary>
internal static class PersistenceConfiguration
{
    public static PersistenceOptions Read(IConfiguration configuration)
    {
        var options = new PersistenceOptions();
        var section = configuration.GetSection(PersistenceOptions.SectionName);
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"Configuration section '{PersistenceOptions.SectionName}' is invalid ({ex.Message}); Persistence:Provider is one of: {string.Join(", ", Enum.GetNames<PersistenceProvider>())}.", ex);
        }

        options.ConnectionString ??= configuration.GetConnectionString(options.Provider.ToString());
        return options;
    }
}
