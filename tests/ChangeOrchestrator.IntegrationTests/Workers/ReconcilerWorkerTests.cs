using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Workers;

/// <summary>
/// The reconciler frees work held by nodes that are gone: an instance lease that ran out mid-burst (journaled on the
/// instance) and a buffered stimulus whose delivery to an existing bookmark was cut short (delivered, once).
/// </summary>
public sealed class ReconcilerWorkerTests : IAsyncLifetime
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Runtime:ReconcileInterval"] = "00:00:00.200",
    });

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _workflows.Dispose();
    }

    [Fact]
    public async Task Reconcile_LeaseOfADeadNodeRanOut_ReleasesItAndJournalsTheRecovery()
    {
        var id = await StartAsync("CHG-R1");
        await ExecuteAsync($"UPDATE workflow_instances SET lease_owner = 'node-gone', lease_expires_at = now() - interval '1 minute' WHERE id = '{id}'");

        var journal = await Eventually.WaitAsync(() => JournalAsync(id), j => j.Any(e => e.Type == JournalEntryType.Message));
        var lease = await ScalarAsync($"SELECT coalesce(lease_owner, '(none)') FROM workflow_instances WHERE id = '{id}'");
        var metrics = await Eventually.WaitAsync(() => _server.Server.Client.GetStringAsync("/metrics"), m => m.Contains("co_reconciler_recoveries", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var entry = Assert.Single(journal, e => e.Type == JournalEntryType.Message);
        Assert.Contains("node-gone", entry.Message, StringComparison.Ordinal);
        Assert.Equal("(none)", lease);
        Assert.Contains("co_reconciler_recoveries", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_BufferedStimulusWhoseBookmarkExists_DeliversItExactlyOnce()
    {
        var id = await StartAsync("CHG-R2");
        var stimuli = _server.Server.Services.GetRequiredService<IStimulusBuffer>();
        var received = TimeProvider.System.GetUtcNow().AddMinutes(-1);
        Assert.True(await stimuli.AddPendingAsync(new Stimulus("stranded-1", "approval", "CHG-R2", new JsonObject { ["by"] = "cab" }, received), received.AddDays(1), CancellationToken.None));

        var journal = await Eventually.WaitAsync(() => JournalAsync(id), j => j.Any(e => e.Type == JournalEntryType.InstanceCompleted));
        await Task.Delay(1000);
        var after = await JournalAsync(id);

        Assert.Single(journal, e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Single(after, e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Empty(await stimuli.FindPendingAsync("approval", "CHG-R2", CancellationToken.None));
    }

    private async Task<string> StartAsync(string change)
    {
        using var response = await _server.Server.Client.PostAsJsonAsync("/api/instances", new { definitionId = "wait-approval", input = new { change } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        _server.Server.Services.GetRequiredService<IWorkflowInstanceStore>().GetJournalAsync(id, 0, 1000, CancellationToken.None);

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
