using ChangeOrchestrator.Persistence.Database;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Database;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void Prepare_WithoutTheSettings_TurnsTheResetOnCloseOffAndPreparesStatements()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Prepare("Host=db;Username=co;Password=secret;Database=co"));

        Assert.True(prepared.NoResetOnClose);
        Assert.Equal(PostgresConnectionStrings.DefaultMaxAutoPrepare, prepared.MaxAutoPrepare);
        Assert.Equal("secret", prepared.Password);
        Assert.Equal("co", prepared.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    public void Prepare_SettingsWritten_KeepsThem(string connectionString)
    {
        Assert.Equal(connectionString, PostgresConnectionStrings.Prepare(connectionString));
    }

    [Fact]
    public void Prepare_OneSettingWritten_KeepsItAndAddsTheOther()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Prepare("Host=db;Max Auto Prepare=0"));

        Assert.Equal(0, prepared.MaxAutoPrepare);
        Assert.True(prepared.NoResetOnClose);
    }
}
