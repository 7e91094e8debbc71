using System.Net;
using System.Net.Http.Json;
using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Telemetry;

/// <summary>The Prometheus scrape at <c>/metrics</c>: for a Viewer unless opened on purpose, with the engine's metrics in it; readiness covers the workers.</summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Metrics_Anonymous_IsRefused()
    {
        using var anonymous = _server.Server.ClientWithKey(null);

        using var response = await anonymous.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_AfterAStartAndAResume_CountThemAndTheBurstsInPrometheusFormat()
    {
        using var start = await _server.Server.Client.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change = "CHG-M1" } });
        using var raise = await _server.Server.Client.PostAsJsonAsync("/api/events/approval/CHG-M1", new { by = "cab" });

        var text = await Eventually(async () => await _server.Server.Client.GetStringAsync("/metrics"), t => t.Contains("co_resumes", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Contains("co_instances_started", text, StringComparison.Ordinal);
        Assert.Contains("co_resumes", text, StringComparison.Ordinal);
        Assert.Contains("co_burst_duration", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthReady_DatabaseAndWorkersAnswer_IsHealthy()
    {
        using var anonymous = _server.Server.ClientWithKey(null);

        using var ready = await anonymous.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static async Task<string> Eventually(Func<Task<string>> read, Func<string, bool> done)
    {
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
