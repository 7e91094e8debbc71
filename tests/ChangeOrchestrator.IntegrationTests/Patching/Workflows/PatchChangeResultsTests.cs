using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Results;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using Npgsql;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Patching.Workflows;

/// <summary>
/// A patch change over two thousand servers, taken by patch group with the default expression and body limits:
/// the per-server lists live in the step results, so the instance row and each journal entry stay small while the
/// evidence and the results API still give every server.
/// </summary>
public sealed class PatchChangeResultsTests(ITestOutputHelper output)
{
    private const int RowLimit = 64 * 1024;
    private const int JournalEntryLimit = 8 * 1024;

    [Fact]
    public async Task PatchChange_TwoThousandServersByPatchGroup_KeepsTheInstanceRowAndJournalEntriesSmall()
    {
        // About 38% of a simulated fleet is in Prod: 5,300 servers give a little over 2,000 Prod targets.
        await using var server = await PatchChangeServer.StartAsync(fleetSize: 5300, seed: 7, timeScale: 100_000);
        var id = await server.StartChangeAsync(PatchChangeServer.ChangeInput("servicenow", "Prod", [], new()
        {
            ["canaryPercent"] = 10,
            ["maxConcurrency"] = "100%",
            ["soak"] = "PT0S",
            ["failureThreshold"] = "10",
        }));
        var waiting = await server.WaitForActivityAsync(id, "approval");
        var number = waiting["outputs"]!["raise"]!["number"]!.GetValue<string>();

        // Three servers fail to install one of their patches, so the rescan's residual list has items to write.
        var failing = await FirstMissingAsync(server, id, 3);
        foreach (var (instanceId, patchId) in failing)
        {
            await server.Aws.PostAsync("faults/patch-failure", new { instanceIds = new[] { instanceId }, kbIds = new[] { patchId } });
        }

        await server.Desks.ServiceNowDecideAsync(number, approve: true, "Assessed");
        await server.Desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
        var done = await server.WaitForEndAsync(id);

        var outputs = done["outputs"]!;
        output.WriteLine(string.Join(" > ", await server.PathAsync(id)));
        Assert.True(done["status"]!.GetValue<string>() == "Completed", $"{done["status"]}: {done["incident"]?.ToJsonString()} {string.Join(" > ", await server.PathAsync(id))}");
        var targets = outputs["targets"]!["count"]!.GetValue<int>();
        var patched = outputs["canary"]!["targetCount"]!.GetValue<int>() + outputs["rest"]!["targetCount"]!.GetValue<int>();
        var (rowBytes, largestEntry, entries) = await StoredSizesAsync(server.DatabaseConnectionString, id);
        output.WriteLine($"targets {targets}, patched {patched}; instance row {rowBytes} bytes; journal {entries} entries, largest {largestEntry} bytes");
        output.WriteLine($"largest parts: {await LargestPartsAsync(server.DatabaseConnectionString, id)}");

        Assert.True(targets >= 2000, $"only {targets} targets");
        Assert.True(rowBytes < RowLimit, $"the instance row is {rowBytes} bytes");
        Assert.True(largestEntry < JournalEntryLimit, $"a journal entry is {largestEntry} bytes");
        Assert.Equal(outputs["scan"]!["scannedCount"]!.GetValue<int>(), await CountResultsAsync(server, id, "scan", "instances"));
        Assert.Equal(patched, await CountResultsAsync(server, id, "canary", "instances") + await CountResultsAsync(server, id, "rest", "instances"));

        var residual = await ReadResultsAsync(server, id, "verify", "instances");
        Assert.Equal(ResultReference.CountOf(outputs["verify"]!["instances"]), residual.Count);
        Assert.Equal(outputs["verify"]!["residualCount"]!.GetValue<int>(), residual.Sum(r => r!["missingCount"]!.GetValue<int>()));
        Assert.All(failing, f => Assert.Contains(residual, r => r!["instanceId"]!.GetValue<string>() == f.InstanceId
            && r["patches"]!.AsArray().Any(p => p!["id"]!.GetValue<string>() == f.PatchId)));

        // The snapshot step writes its volumes, their ids and each server's root snapshot a page at a time.
        var snapshots = await ReadResultsAsync(server, id, "snapshot", "snapshots");
        var roots = await ReadResultsAsync(server, id, "snapshot", "rootSnapshots");
        Assert.True(snapshots.Count > 1000, $"only {snapshots.Count} snapshots");
        Assert.Equal(ResultReference.CountOf(outputs["snapshot"]!["snapshots"]), snapshots.Count);
        Assert.Equal(snapshots.Count, await CountResultsAsync(server, id, "snapshot", "snapshotIds"));
        var rootVolumes = snapshots.Where(s => s!["isRootVolume"]!.GetValue<bool>())
            .Select(s => (s!["instanceId"]!.GetValue<string>(), s["snapshotId"]!.GetValue<string>())).ToHashSet();
        Assert.Equal(rootVolumes, roots.Select(r => (r!["key"]!.GetValue<string>(), r["value"]!.GetValue<string>())).ToHashSet());

        var record = await server.Desks.ServiceNowChangeAsync(number);
        var attachments = await server.Desks.ServiceNowAttachmentsAsync(DeskSimulators.Value(record, "sys_id"));
        var evidence = JsonNode.Parse(attachments[$"patch-evidence-{number}.json"])!;
        Assert.Equal(patched, evidence["patched"]!.AsArray().Count);
        Assert.Equal(targets, evidence["targets"]!.AsArray().Count);
        Assert.Equal(snapshots.Count, evidence["snapshots"]!.AsArray().Count);
    }

    /// <summary>The instance row as text (every column, uncompressed) and the largest journal entry (message and data).</summary>
    private static async Task<(int Row, int LargestEntry, int Entries)> StoredSizesAsync(string connectionString, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var row = new NpgsqlCommand("SELECT octet_length(i::text) FROM workflow_instances i WHERE i.id = $1", connection) { Parameters = { new() { Value = id } } };
        var rowBytes = (int)(await row.ExecuteScalarAsync())!;
        await using var journal = new NpgsqlCommand(
            """
            SELECT coalesce(max(octet_length(coalesce(e ->> 'message', '')) + octet_length(coalesce(e -> 'data', 'null')::text)), 0), count(*)::int
            FROM journal_bursts j, json_array_elements(j.entries::json) e WHERE j.instance_id = $1
            """, connection)
        { Parameters = { new() { Value = id } } };
        await using var reader = await journal.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (rowBytes, reader.GetInt32(0), reader.GetInt32(1));
    }

    /// <summary>What takes the room in the stored instance and its journal, largest first.</summary>
    private static async Task<string> LargestPartsAsync(string connectionString, string id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT part, size FROM (
              SELECT 'steps.' || s.key AS part, octet_length(s.value::text) AS size FROM workflow_instances i, jsonb_each(i.steps::jsonb) s WHERE i.id = $1
              UNION ALL SELECT 'vars.' || v.key, octet_length(v.value::text) FROM workflow_instances i, jsonb_each(i.variables::jsonb) v WHERE i.id = $1
              UNION ALL SELECT 'state.' || a.key, octet_length(a.value::text) FROM workflow_instances i, jsonb_each(i.activities::jsonb) a WHERE i.id = $1
              UNION ALL SELECT 'journal ' || (e ->> 'sequence') || ' ' || (e ->> 'type') || ' ' || coalesce(e ->> 'activityId', ''),
                  octet_length(coalesce(e ->> 'message', '')) + octet_length(coalesce(e -> 'data', 'null')::text)
                FROM journal_bursts j, json_array_elements(j.entries::json) e WHERE j.instance_id = $1) parts
            ORDER BY size DESC LIMIT 6
            """, connection) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync();
        var parts = new List<string>();
        while (await reader.ReadAsync())
        {
            parts.Add($"{reader.GetString(0)} {reader.GetInt32(1)}");
        }

        return string.Join(", ", parts);
    }

    /// <summary>Walks the results API's keyset pages of one list and counts its items.</summary>
    private static async Task<int> CountResultsAsync(PatchChangeServer server, string id, string activity, string name) =>
        (await ReadResultsAsync(server, id, activity, name)).Count;

    /// <summary>Every item of one list, through the results API's keyset pages.</summary>
    private static async Task<List<JsonNode?>> ReadResultsAsync(PatchChangeServer server, string id, string activity, string name)
    {
        var items = new List<JsonNode?>();
        string? after = null;
        do
        {
            var page = (await server.Client.GetFromJsonAsync<JsonNode>(
                $"/api/instances/{id}/results?activity={activity}&name={name}&limit=500{(after is null ? "" : "&after=" + Uri.EscapeDataString(after))}"))!;
            items.AddRange(page["items"]!.AsArray().Select(i => i!["data"]?.DeepClone()));
            after = page["next"]?.GetValue<string>();
        }
        while (after is not null);

        return items;
    }

    /// <summary>The first servers of the scan's list that miss a patch, each with the first patch it misses.</summary>
    private static async Task<List<(string InstanceId, string PatchId)>> FirstMissingAsync(PatchChangeServer server, string id, int count) =>
        [.. (await ReadResultsAsync(server, id, "scan", "instances"))
            .Where(i => i!["missingCount"]!.GetValue<int>() > 0)
            .Take(count)
            .Select(i => (i!["instanceId"]!.GetValue<string>(), i["patches"]![0]!["id"]!.GetValue<string>()))];
}
