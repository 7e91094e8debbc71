using System.Net;
using System.Net.Http.Json;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Server.Security;

namespace ChangeOrchestrator.IntegrationTests.Security;

/// <summary>
/// What a node does when nobody configured it: no sandbox outside Development, no sandbox in Production without a
/// second switch, and forwarded client addresses believed only from configured proxies.
/// </summary>
public sealed class SafeDefaultsTests : IDisposable
{
    private readonly WorkflowFolder _workflows = new();
    private readonly string _data = Directory.CreateTempSubdirectory("co-defaults-").FullName;

    public void Dispose()
    {
        _workflows.Dispose();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task Start_ProductionWithSandboxAndNoSecondSwitch_RefusesToStartNamingTheSwitch()
    {
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => ServerProcess.StartAsync(Environment("Production", ("Sandbox__Enabled", "true"))));

        Assert.Contains("Sandbox:AllowInProduction", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ProductionWithBothSwitches_RunsTheSandbox()
    {
        await using var node = await ServerProcess.StartAsync(Environment("Production", ("Sandbox__Enabled", "true"), ("Sandbox__AllowInProduction", "true")));
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var approvals = await anonymous.GetAsync("/sim/servicenow/approve");

        Assert.Equal(HttpStatusCode.OK, approvals.StatusCode);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Start_NothingConfiguredOutsideDevelopment_HasNoSandbox(string environment)
    {
        await using var node = await ServerProcess.StartAsync(Environment(environment, ("Sandbox__Enabled", string.Empty)));
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var approvals = await anonymous.GetAsync("/sim/servicenow/approve");
        using var control = await anonymous.PostAsync("/sim/servicenow/_control/reset", null);

        Assert.NotEqual(HttpStatusCode.OK, approvals.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, control.StatusCode);
        Assert.DoesNotContain("Sandbox admin", node.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NothingConfiguredInDevelopment_RunsTheSandbox()
    {
        await using var node = await ServerProcess.StartAsync(Environment("Development", ("Sandbox__Enabled", string.Empty)));
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        using var approvals = await anonymous.GetAsync("/sim/servicenow/approve");

        Assert.Equal(HttpStatusCode.OK, approvals.StatusCode);
    }

    [Theory]
    [InlineData(true, HttpStatusCode.Unauthorized)]
    [InlineData(false, HttpStatusCode.TooManyRequests)]
    public async Task Login_ForwardedForFromAProxy_IsLimitedPerClientOnlyWhenTheProxyIsTrusted(bool trusted, HttpStatusCode secondClient)
    {
        var settings = new List<(string, string)>
        {
            ("Auth__Local__Users__0__Name", "rita"),
            ("Auth__Local__Users__0__PasswordHash", PasswordHashes.Hash("s3cret-enough-for-a-test", PasswordHashes.MinimumIterations)),
            ("Auth__Local__Users__0__Roles__0", "Viewer"),
            ("Auth__Local__LoginPermitLimit", "2"),
            ("Auth__Local__LoginWindow", "00:10:00"),
        };
        if (trusted)
        {
            settings.Add(("ForwardedHeaders__KnownProxies__0", "127.0.0.1"));
        }

        await using var node = await ServerProcess.StartAsync(Environment("Testing", [.. settings]));
        using var anonymous = new HttpClient { BaseAddress = node.BaseAddress };

        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var first = await LoginAsync(anonymous, "198.51.100.7");
        }

        using var other = await LoginAsync(anonymous, "203.0.113.9");

        Assert.Equal(secondClient, other.StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/auth/login") { Content = JsonContent.Create(new { username = "rita", password = "wrong-guess" }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }

    private Dictionary<string, string> Environment(string environment, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = environment,
            ["ConnectionStrings__Sqlite"] = $"Data Source={Path.Combine(_data, $"{Guid.NewGuid():N}.db")}",
            ["Workflows__Folder"] = _workflows.Path,
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }
}
