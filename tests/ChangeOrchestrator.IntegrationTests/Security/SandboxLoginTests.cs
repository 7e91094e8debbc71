using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>
/// The sandbox as a newcomer starts it (a real process): with no local user configured, <c>admin</c> gets a fresh
/// password that is printed on the console and works for this run only.
/// </summary>
public sealed partial class SandboxLoginTests : IAsyncLifetime
{
    private PostgresTestDatabase _database = null!;
    private ServerProcess _server = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _server = await ServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Persistence__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = _database.ConnectionString,
            ["Sandbox__Enabled"] = "true",
        });
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Startup_Sandbox_PrintsAnAdminPasswordThatLogsIn()
    {
        var printed = PrintedPassword().Match(_server.Output);
        Assert.True(printed.Success, $"no sandbox password on the console:{Environment.NewLine}{_server.Output}");
        using var client = new HttpClient { BaseAddress = _server.BaseAddress };

        using var wrong = await client.PostAsJsonAsync("/auth/login", new { username = "admin", password = printed.Groups[1].Value + "x" });
        using var right = await client.PostAsJsonAsync("/auth/login", new { username = "admin", password = printed.Groups[1].Value });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("\"Admin\"", await right.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("Sandbox admin login \\(this run only\\): user 'admin', password (\\S+)")]
    private static partial Regex PrintedPassword();
}
