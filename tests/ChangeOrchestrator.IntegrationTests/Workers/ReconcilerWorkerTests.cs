using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Workers;

/// <summary>
/// The reconciler frees work held by nodes that are gone: an instance lease that ran out mid-burst (journaled on the
/// instance), a buffered stimulus whose delivery to an existing bookmark was cut short (delivered, once), a due timer
/// whose claim no live node can hold (journaled on the instance, then fired), and a webhook delivery claimed by a node
/// that is gone (recorded on the delivery, then processed). Each recovery is counted in <c>co_reconciler_recoveries</c>.
/// </summary>
public sealed class ReconcilerWorkerTests : IAsyncLifetime
{
    private const string Timer = """
        {
          "id": "wait-timer",
          "name": "Wait an hour",
          "activities": [
            { "id": "pause", "type": "Delay", "inputs": { "duration": "PT1H" } },
            { "id": "done", "type": "Log", "inputs": { "message": "the hour is over" } }
          ],
          "connections": [ { "from": "pause", "to": "done" } ]
        }
        """;

    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("wait-approval", TestWorkflows.WaitForApproval).With("wait-timer", Timer);
    private PostgresServer _server = null!;

    public async Task InitializeAsync() => _server = await PostgresServer.StartAsync(_workflows.Path, new Dictionary<string, string?>
    {
        ["Runtime:ReconcileInterval"] = "00:00:00.200",
        ["Webhooks:ServiceNow:Secrets:0"] = ServiceNowDeliveries.OldSecret,
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

    [Fact]
    public async Task Reconcile_DueTimerClaimedByANodeThatIsGone_ReleasesItJournalsItAndTheTimerFires()
    {
        var id = await StartAsync("wait-timer", new { });
        await Eventually.WaitAsync(() => ScalarAsync($"SELECT count(*)::text FROM bookmarks WHERE instance_id = '{id}' AND due_at IS NOT NULL"), n => n == "1");

        // Due now, but claimed far beyond any live claim (as by a node whose clock ran ahead before it died): no poll can take it.
        await ExecuteAsync($"UPDATE bookmarks SET due_at = now() - interval '1 second', claimed_by = 'node-gone', claimed_until = now() + interval '1 hour' WHERE instance_id = '{id}'");

        var journal = await Eventually.WaitAsync(() => JournalAsync(id), j => j.Any(e => e.Type == JournalEntryType.InstanceCompleted), TimeSpan.FromSeconds(30));
        var metrics = await Eventually.WaitAsync(() => _server.Server.Client.GetStringAsync("/metrics"), m => m.Contains("stuck-timer", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        var entry = Assert.Single(journal, e => e.Type == JournalEntryType.Message && e.Data?["recovery"] is not null);
        Assert.Contains("node-gone", entry.Message, StringComparison.Ordinal);
        Assert.Equal("stuck-timer", entry.Data?["recovery"]?.GetValue<string>());
        Assert.Single(journal, e => e.Type == JournalEntryType.ActivityCompleted && e.ActivityId == "pause");
        Assert.Contains("co_reconciler_recoveries", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reconcile_DeliveryClaimedByANodeThatIsGone_ReleasesItRecordsItOnTheDeliveryAndItResumesOnce()
    {
        var id = await StartAsync("servicenow:CHG0004711");
        var body = ServiceNowDeliveries.Approved("CHG0004711").Replace("'", "''", StringComparison.Ordinal);

        // Accepted by a node that claimed it and died: its claim reaches further than any live node's, so only the reconciler frees it.
        await ExecuteAsync($"""
            INSERT INTO webhook_inbox (id, source, dedupe_key, status, body, received_at, expires_at, attempts, next_attempt_at, claimed_by, claimed_until)
            VALUES ('gone-1', 'servicenow', 'id:gone-1', 'Pending', '{body}', now(), now() + interval '1 day', 1, now(), 'node-gone', now() + interval '1 hour')
            """);

        var status = await Eventually.WaitAsync(() => ScalarAsync("SELECT status FROM webhook_inbox WHERE id = 'gone-1'"), s => s == "Processed", TimeSpan.FromSeconds(30));
        var recorded = await ScalarAsync("SELECT coalesce(last_error, '(none)') FROM webhook_inbox WHERE id = 'gone-1'");
        var journal = await Eventually.WaitAsync(() => JournalAsync(id), j => j.Any(e => e.Type == JournalEntryType.InstanceCompleted));
        var metrics = await Eventually.WaitAsync(() => _server.Server.Client.GetStringAsync("/metrics"), m => m.Contains("stuck-delivery", StringComparison.Ordinal), TimeSpan.FromSeconds(20));

        Assert.Equal("Processed", status);
        Assert.Contains("node-gone", recorded, StringComparison.Ordinal);
        Assert.Single(journal, e => e.Type == JournalEntryType.ActivityResumed);
        Assert.Contains("co_reconciler_recoveries", metrics, StringComparison.Ordinal);
    }

    private async Task<string> StartAsync(string change) => await StartAsync("wait-approval", new { change });

    private async Task<string> StartAsync(string definitionId, object input)
    {
        using var response = await _server.Server.Client.PostAsJsonAsync("/api/instances", new { definitionId, input });
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
