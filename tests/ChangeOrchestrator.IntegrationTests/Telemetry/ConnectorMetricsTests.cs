using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;

namespace ChangeOrchestrator.IntegrationTests.Telemetry;

/// <summary>
/// The connectors' calls in <c>/metrics</c>: a workflow that raises a change on the simulated ServiceNow and Jira and
/// reads the simulated EC2 and SSM fleet shows up in <c>co_connector_calls</c> by connector, operation and outcome.
/// </summary>
public sealed class ConnectorMetricsTests : IAsyncLifetime
{
    private const string Workflow = """
        {
          "id": "raise-and-resolve",
          "name": "Raise on both desks, then resolve the servers",
          "activities": [
            { "id": "servicenow", "type": "RaiseChangeRequest", "inputs": {
                "desk": "servicenow", "shortDescription": "Patching of the Dev patch group",
                "plannedStart": "2026-03-07T22:00:00Z", "plannedEnd": "2026-03-07T23:30:00Z" } },
            { "id": "jira", "type": "RaiseChangeRequest", "inputs": {
                "desk": "jira", "shortDescription": "Patching of the Dev patch group",
                "plannedStart": "2026-03-07T22:00:00Z", "plannedEnd": "2026-03-07T23:30:00Z" } },
            { "id": "targets", "type": "ResolveTargets", "inputs": { "patchGroups": ["Dev"], "environment": "Dev" } }
          ],
          "connections": [ { "from": "servicenow", "to": "jira" }, { "from": "jira", "to": "targets" } ]
        }
        """;

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("raise-and-resolve", Workflow);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path);

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Metrics_AfterCallsToServiceNowJiraAndAws_CountThemByConnectorOperationAndOutcome()
    {
        using var start = await _server.Server.Client.PostAsJsonAsync("/api/instances", new { definitionId = "raise-and-resolve", input = new { } });
        var id = JsonNode.Parse(await start.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var status = await Eventually.WaitAsync(
            async () => JsonNode.Parse(await _server.Server.Client.GetStringAsync($"/api/instances/{id}"))!["status"]!.GetValue<string>(), s => s is "Completed" or "Faulted");

        var calls = await Eventually.WaitAsync(
            async () => (await _server.Server.Client.GetStringAsync("/metrics")).Split('\n').Where(l => l.StartsWith("co_connector_calls", StringComparison.Ordinal)).ToList(),
            lines => lines.Any(l => l.Contains("connector=\"AWS\"", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(20));

        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        Assert.Equal("Completed", status);
        foreach (var connector in new[] { "ServiceNow", "Jira", "AWS" })
        {
            Assert.Contains(calls, l => l.Contains($"connector=\"{connector}\"", StringComparison.Ordinal)
                && l.Contains("operation=\"", StringComparison.Ordinal) && l.Contains("outcome=\"success\"", StringComparison.Ordinal));
        }
    }
}
