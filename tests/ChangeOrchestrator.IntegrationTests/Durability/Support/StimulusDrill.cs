using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using ChangeOrchestrator.Persistence.Webhooks;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Durability.Support;

/// <summary>
/// Server processes on one PostgreSQL database for fault drills on the way from a stimulus to its commit: nodes with
/// or without a drill, a database that fails commits, an instance leased by a node that is not there, and the count
/// that matters, resumes read from the journal.
/// </summary>
internal sealed class StimulusDrill : IAsyncDisposable
{
    private readonly WorkflowFolder _workflows = new WorkflowFolder().With("two-approvals", WebhookTestServer.TwoApprovals);

    private StimulusDrill(PostgresTestDatabase database)
    {
        Database = database;
        Harness = new PersistenceHarness(database);
    }

    public PostgresTestDatabase Database { get; }

    public PersistenceHarness Harness { get; }

    public static async Task<StimulusDrill> CreateAsync() => new(await PostgresTestDatabase.CreateAsync());

    /// <summary>A node; <paramref name="settings"/> add to or override the defaults (short leases and claims, fast retries).</summary>
    public Task<ServerProcess> StartNodeAsync(params (string Key, string Value)[] settings)
    {
        var environment = new Dictionary<string, string>
        {
            ["Persistence__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = Database.ConnectionString,
            ["Workflows__Folder"] = _workflows.Path,
            ["Sandbox__Enabled"] = "false",
            ["Webhooks__Jira__Secrets__0"] = JiraDeliveries.OldSecret,
            ["Webhooks__ServiceNow__Secrets__0"] = ServiceNowDeliveries.OldSecret,
            ["Webhooks__Processing__PollInterval"] = "00:00:00.200",
            ["Webhooks__Processing__ClaimDuration"] = "00:00:05",
            ["Webhooks__Processing__FirstRetryDelay"] = "00:00:00.300",
            ["Webhooks__Processing__MaxRetryDelay"] = "00:00:01",
            ["Engine__InstanceLeaseDuration"] = "00:00:03",
            ["Engine__LeaseWaitTimeout"] = "00:00:01",

            // Generous for a machine under load: the first expression of a cold process must not time out the instance.
            ["Engine__Expressions__Timeout"] = "00:00:30",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        return ServerProcess.StartAsync(environment);
    }

    public static async Task<string> StartInstanceAsync(ServerProcess node, string change)
    {
        using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "two-approvals", input = new { change } });
        var instance = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.True(instance["status"]!.GetValue<string>() == "Suspended", instance.ToJsonString());
        return instance["id"]!.GetValue<string>();
    }

    /// <summary>Resumes of the instance, from its journal: each stimulus must count exactly once.</summary>
    public async Task<int> ResumesAsync(string instanceId) =>
        (await Harness.JournalAsync(instanceId)).Count(e => e.Type == JournalEntryType.ActivityResumed);

    public async Task<List<WebhookInboxRow>> InboxAsync()
    {
        await using var db = await Harness.DbAsync();
        return await db.Set<WebhookInboxRow>().AsNoTracking().ToListAsync();
    }

    /// <summary>Every journal insert fails, as a full disk or a broken connection fails a commit: nothing of the burst is kept.</summary>
    public Task FailCommitsAsync() => ExecuteAsync(
        """
        CREATE OR REPLACE FUNCTION drill_fail_commit() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'drill: the database refuses the commit'; END $$ LANGUAGE plpgsql;
        CREATE TRIGGER drill_fail_commit BEFORE INSERT ON journal_bursts FOR EACH ROW EXECUTE FUNCTION drill_fail_commit();
        """);

    public Task HealCommitsAsync() => ExecuteAsync("DROP TRIGGER drill_fail_commit ON journal_bursts;");

    /// <summary>Another node holds the instance's lease for an hour (by the database's clock).</summary>
    public Task LeaseElsewhereAsync(string instanceId) => ExecuteAsync(
        $"UPDATE workflow_instances SET lease_owner = 'node-elsewhere', lease_expires_at = now() + interval '1 hour' WHERE id = '{instanceId}';");

    public Task ReleaseLeaseAsync(string instanceId) => ExecuteAsync(
        $"UPDATE workflow_instances SET lease_owner = NULL, lease_expires_at = NULL WHERE id = '{instanceId}';");

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await Database.DisposeAsync();
        _workflows.Dispose();
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
