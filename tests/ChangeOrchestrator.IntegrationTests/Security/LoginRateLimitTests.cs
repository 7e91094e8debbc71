using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>Login attempts per client address are limited; once over the limit even the right password waits.</summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private const string Password = "s3cret-enough-for-a-test";

    private readonly WorkflowFolder _workflows = new();
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Auth:Local:Users:0:Name"] = "rita",
        ["Auth:Local:Users:0:PasswordHash"] = PasswordHashes.Hash(Password, PasswordHashes.MinimumIterations),
        ["Auth:Local:Users:0:Roles:0"] = "Viewer",
        ["Auth:Local:LoginPermitLimit"] = "3",
        ["Auth:Local:LoginWindow"] = "00:10:00",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Login_MoreAttemptsThanThePermitLimit_Is429WithRetryAfterAndAudited()
    {
        using var client = _server.Server.ClientWithKey(null);
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync("/auth/login", new { username = "rita", password = $"guess-{attempt}" });
            statuses.Add(wrong.StatusCode);
        }

        using var limited = await client.PostAsJsonAsync("/auth/login", new { username = "rita", password = Password });
        var problem = await limited.Content.ReadFromJsonAsync<JsonObject>();
        using var otherApi = await _server.Server.Client.GetAsync("/api/definitions");
        var audit = await _server.Server.GetJsonAsync("/api/audit?action=auth.*");

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Contains("Too many login attempts", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(limited.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.OK, otherApi.StatusCode);
        Assert.Equal(
            [(401, "auth.login.failed"), (401, "auth.login.failed"), (401, "auth.login.failed"), (429, "auth.login")],
            audit["items"]!.AsArray().Select(e => (e!["outcome"]!.GetValue<int>(), e["action"]!.GetValue<string>())));
    }
}
