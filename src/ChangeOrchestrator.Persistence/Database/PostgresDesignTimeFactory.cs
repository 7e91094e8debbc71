using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>
/// Lets <c>dotnet ef migrations add ... --context PostgresWorkflowDbContext</c> build the model without a server;
/// generating a migration never connects.
/// </summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<PostgresWorkflowDbContext>)new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
            .UsePostgres("Host=localhost;Database=changeorchestrator")
            .Options);
}
