using Microsoft.EntityFrameworkCore;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>How each provider's context is configured, shared by the running server and `dotnet ef` at design time.</summary>
internal static class ProviderConfiguration
{
    public static DbContextOptionsBuilder UsePostgres(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseNpgsql(connectionString)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    public static DbContextOptionsBuilder UseSqliteFile(this DbContextOptionsBuilder builder, string connectionString) =>
        builder
            .UseSqlite(connectionString)
            .AddInterceptors(SqlitePragmaInterceptor.Instance)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
}
