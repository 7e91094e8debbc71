using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;
using Npgsql;

namespace ChangeOrchestrator.Benchmarks.Webhooks;

/// <summary>
/// A burst of signed Jira approval webhooks for as many waiting instances, through the real server process over
/// HTTP: how fast deliveries are acknowledged (each committed to the inbox first), how fast they resume their
/// instances, and the slowest resume. Every instance must be resumed exactly once, or the run fails.
/// </summary>
internal sealed class WebhookBurstScenario(string? postgresServer) : IScenario
{
    private const int Burst = 1_000;
    private const int SendConcurrency = 64;
    private const int StartConcurrency = 16;
    private const string DefinitionId = "bench-approval";
    private const string ApiKey = "bench-webhooks-operator-key";
    private const string JiraSecret = "bench-jira-webhook-secret-0001";

    private const string Workflow = """
        {
          "id": "bench-approval",
          "name": "Wait for an approval",
          "inputs": [ { "name": "change", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
            { "id": "done", "type": "Log", "inputs": { "message": { "js": "'approved by ' + steps.wait.payload.by" } } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "done" } ]
        }
        """;

    public string Name => "webhooks";

    public string Title => "Webhooks: a burst of 1,000 signed Jira approvals for 1,000 waiting instances";

    public string Description =>
        $"{Burst:N0} instances wait on an approval; then {Burst:N0} `jira:issue_updated` deliveries signed with `X-Hub-Signature` are posted "
        + $"to `/webhooks/jira` ({SendConcurrency} in flight). `ack.per-second` is deliveries answered 202 (each committed to the inbox "
        + "first) per second of the burst; `resumed.per-second` is instances resumed per second from the first send to the last resume "
        + "(read from the journal); `resume.p50/p95/max` run from a delivery's send to its instance's resume. The run fails unless every "
        + "instance was resumed exactly once.";

    public IReadOnlyList<string> Notes =>
    [
        "The server is ChangeOrchestrator.Server.dll started with dotnet (server GC), one node, on the PostgreSQL server named beside each figure; the sender runs in the benchmark process on the same cores.",
        "Every repetition, the runner's unmeasured first one included, starts a fresh server process on a fresh database; the burst size is fixed, in quick runs too.",
    ];

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        new("the burst resumes at least 100 instances per second", "resumed.per-second", 100),
    ];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        await using var database = await PostgresBenchDatabase.CreateAsync(postgresServer, cancellationToken);
        var workflows = Directory.CreateTempSubdirectory("co-bench-webhooks-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(workflows, DefinitionId + ".json"), Workflow, cancellationToken);
            var environment = new Dictionary<string, string>(
                ServerEnvironment.Postgres(database.ConnectionString, workflows, keyName: "bench-operator", ApiKey, role: "Operator"))
            {
                ["Webhooks__Jira__Secrets__0"] = JiraSecret,

                // The burst is the measurement: the per-source limit of a production setting would only measure the limiter.
                ["Webhooks__RateLimit__PermitsPerSecond"] = "100000",
            };
            await using var server = await ChildProcess.StartAsync(ServerEnvironment.Dll, environment, ServerEnvironment.ReadyPath, cancellationToken);
            using var client = ServerEnvironment.Client(server.Address, ApiKey, TimeSpan.FromSeconds(60));
            return await BurstAsync(database.ConnectionString, server, client, cancellationToken);
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    private static async Task<IReadOnlyList<Figure>> BurstAsync(
        string connectionString, ChildProcess server, HttpClient client, CancellationToken cancellationToken)
    {
        var instances = new string[Burst];
        await Parallel.ForEachAsync(Enumerable.Range(0, Burst), Options(StartConcurrency, cancellationToken), async (i, token) =>
        {
            using var response = await client.PostAsJsonAsync("api/instances", new { definitionId = DefinitionId, input = new { change = $"jira:BENCH-{i}" } }, token);
            var body = await response.Content.ReadAsStringAsync(token);
            instances[i] = response.StatusCode == HttpStatusCode.Created
                ? JsonNode.Parse(body)!["id"]!.GetValue<string>()
                : throw new InvalidOperationException($"Starting instance {i} answered {(int)response.StatusCode}: {body}");
        });

        using var sender = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(60) };
        var sentAt = new DateTimeOffset[Burst];
        var burstStarted = TimeProvider.System.GetUtcNow();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, Burst), Options(SendConcurrency, cancellationToken), async (i, token) =>
        {
            using var request = Delivery($"BENCH-{i}");
            sentAt[i] = TimeProvider.System.GetUtcNow();
            using var response = await sender.SendAsync(request, token);
            if (response.StatusCode != HttpStatusCode.Accepted)
            {
                throw new InvalidOperationException($"Delivery {i} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(token)}");
            }
        });
        var ackSeconds = clock.Elapsed.TotalSeconds;

        var resumed = await WaitForResumesAsync(connectionString, server, cancellationToken);
        var latencies = new List<double>(Burst);
        for (var i = 0; i < Burst; i++)
        {
            var (count, at) = resumed.TryGetValue(instances[i], out var found) ? found : (0, default);
            if (count != 1)
            {
                throw new InvalidOperationException($"Instance {instances[i]} was resumed {count} times, not once.");
            }

            latencies.Add((at - sentAt[i]).TotalMilliseconds);
        }

        var lastResume = resumed.Values.Max(r => r.At);
        return
        [
            new Figure("ack.per-second", "/s", Burst / ackSeconds),
            new Figure("resumed.per-second", "/s", Burst / (lastResume - burstStarted).TotalSeconds),
            new Figure("resume.p50", "ms", Statistics.Percentile(latencies, 50)),
            new Figure("resume.p95", "ms", Statistics.Percentile(latencies, 95)),
            new Figure("resume.max", "ms", latencies.Max()),
        ];
    }

    /// <summary>Resumes per instance and the first one's time, once the journal holds at least one for every instance.</summary>
    private static async Task<Dictionary<string, (int Count, DateTimeOffset At)>> WaitForResumesAsync(
        string connectionString, ChildProcess server, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var waited = Stopwatch.StartNew();

        // The poll shares the cores with the server it measures, every 20 ms: a text search, never a parse of every
        // journal row's entries; the exact counts are read once, at the end.
        while (true)
        {
            await using (var count = new NpgsqlCommand("SELECT count(DISTINCT instance_id) FROM journal_bursts WHERE strpos(entries, '\"type\":\"ActivityResumed\"') > 0", connection))
            {
                if (Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture) >= Burst)
                {
                    break;
                }
            }

            if (waited.Elapsed > TimeSpan.FromMinutes(5))
            {
                throw new InvalidOperationException($"Not every instance was resumed within 5 minutes:{Environment.NewLine}{server.Output()}");
            }

            await Task.Delay(20, cancellationToken);
        }

        var resumed = new Dictionary<string, (int Count, DateTimeOffset At)>(StringComparer.Ordinal);
        await using var read = new NpgsqlCommand(
            "SELECT j.instance_id, count(*), min((e ->> 'at')::timestamptz) FROM journal_bursts j, json_array_elements(j.entries::json) e "
            + "WHERE e ->> 'type' = 'ActivityResumed' GROUP BY j.instance_id", connection);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            resumed[reader.GetString(0)] = ((int)reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2));
        }

        return resumed;
    }

    private static HttpRequestMessage Delivery(string issueKey)
    {
        var body = new JsonObject
        {
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToUnixTimeMilliseconds(),
            ["webhookEvent"] = "jira:issue_updated",
            ["issue_event_type_name"] = "issue_generic",
            ["user"] = new JsonObject { ["accountId"] = "5b10a2844c20165700ede21b", ["displayName"] = "Alex Approver" },
            ["issue"] = new JsonObject { ["id"] = "10001", ["key"] = issueKey },
            ["changelog"] = new JsonObject
            {
                ["items"] = new JsonArray(new JsonObject
                {
                    ["field"] = "status", ["fieldId"] = "status", ["fromString"] = "Awaiting approval", ["toString"] = "Awaiting implementation",
                }),
            },
        }.ToJsonString();
        var request = new HttpRequestMessage(HttpMethod.Post, "webhooks/jira") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Atlassian-Webhook-Identifier", Guid.NewGuid().ToString());
        request.Headers.Add("X-Hub-Signature", "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(JiraSecret), Encoding.UTF8.GetBytes(body))));
        return request;
    }

    private static ParallelOptions Options(int degree, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = degree, CancellationToken = cancellationToken };
}
