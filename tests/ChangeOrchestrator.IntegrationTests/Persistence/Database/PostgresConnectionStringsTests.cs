using ChangeOrchestrator.Persistence.Database;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Persistence.Database;

public sealed class PostgresConnectionStringsTests
{
    [Fact]
    public void Prepare_WithoutTheSetting_TurnsTheResetOnCloseOff()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresConnectionStrings.Prepare("Host=db;Username=co;Password=secret;Database=co"));

        Assert.True(prepared.NoResetOnClose);
        Assert.Equal("secret", prepared.Password);
        Assert.Equal("co", prepared.Database);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false")]
    [InlineData("Host=db;NoResetOnClose=false")]
    public void Prepare_SettingWritten_KeepsIt(string connectionString)
    {
        Assert.Equal(connectionString, PostgresConnectionStrings.Prepare(connectionString));
    }
}
