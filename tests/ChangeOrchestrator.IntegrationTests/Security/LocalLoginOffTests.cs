using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>Outside the sandbox, with no local user configured, nobody can log in locally, not even <c>admin</c>.</summary>
public sealed class LocalLoginOffTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new();
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Sandbox:Enabled"] = "false",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Login_NoUsersOutsideTheSandbox_Is404AndNoUserExists()
    {
        using var client = _server.Server.ClientWithKey(null);

        using var login = await client.PostAsJsonAsync("/auth/login", new { username = SandboxAdminLogin.UserName, password = "anything" });
        var problem = await login.Content.ReadFromJsonAsync<JsonObject>();

        Assert.Equal(HttpStatusCode.NotFound, login.StatusCode);
        Assert.Equal("Local login is off", problem!["title"]!.GetValue<string>());
        Assert.False(_server.Server.Services.GetRequiredService<LocalUserRegistry>().Enabled);
        Assert.Null(_server.Server.Services.GetRequiredService<LocalUserRegistry>().Find(SandboxAdminLogin.UserName));
    }
}
