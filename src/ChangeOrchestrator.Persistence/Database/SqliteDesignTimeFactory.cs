using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChangeOrchestrator.Persistence.Database;

/// <summary>Lets <c>dotnet ef migrations add ... --context SqliteWorkflowDbContext</c> build the model.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new((DbContextOptions<SqliteWorkflowDbContext>)new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
            .UseSqliteFile("Data Source=changeorchestrator-design.db")
            .Options);
}
