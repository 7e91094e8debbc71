using ChangeOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.IntegrationTests.Persistence;

public sealed class PersistenceOptionsValidatorTests
{
    private readonly PersistenceOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(_validator.Validate(null, new PersistenceOptions()).Succeeded);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Validate_PostgresWithoutConnectionString_NamesTheConnectionStringKey(string? connectionString)
    {
        var result = _validator.Validate(null, new PersistenceOptions { Provider = PersistenceProvider.Postgres, ConnectionString = connectionString });

        Assert.Equal(["ConnectionStrings:Postgres is required when Persistence:Provider is Postgres."], result.Failures);
    }

    [Fact]
    public void Validate_PostgresConnectionStringWithUnknownKeyword_NamesTheConnectionStringKey()
    {
        var result = _validator.Validate(null, new PersistenceOptions { Provider = PersistenceProvider.Postgres, ConnectionString = "Hots=db;Database=x" });

        Assert.StartsWith("ConnectionStrings:Postgres is not a valid PostgreSQL connection string", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_UndefinedProvider_NamesTheProviderKey()
    {
        var result = _validator.Validate(null, new PersistenceOptions { Provider = (PersistenceProvider)7 });

        Assert.Equal(["Persistence:Provider must be Sqlite or Postgres (was '7')."], result.Failures);
    }

    [Theory]
    [InlineData("Data Source=:memory:")]
    [InlineData("Data Source=workflows;Mode=Memory")]
    public void Validate_SqliteInMemory_NamesTheConnectionStringKey(string connectionString)
    {
        var result = _validator.Validate(null, new PersistenceOptions { ConnectionString = connectionString });

        Assert.StartsWith("ConnectionStrings:Sqlite must name a database file", Assert.Single(result.Failures!));
    }

    [Fact]
    public void AddWorkflowPersistence_InvalidOptions_ThrowsWithEveryKeyNamed()
    {
        var options = new PersistenceOptions { Provider = PersistenceProvider.Postgres, DefinitionCacheSize = 0 };

        var error = Assert.Throws<OptionsValidationException>(() => new ServiceCollection().AddWorkflowPersistence(options));

        Assert.Contains("ConnectionStrings:Postgres", error.Message);
        Assert.Contains("Persistence:DefinitionCacheSize", error.Message);
    }
}
