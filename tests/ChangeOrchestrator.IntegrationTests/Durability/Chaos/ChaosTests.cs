using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.IntegrationTests.Webhooks.Support;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The chaos run: two server processes on one PostgreSQL, changes approved by signed ServiceNow and Jira webhooks, an
/// external system that answers 503 now and then, and a random node killed with SIGKILL and restarted every few
/// seconds. Invariants from the journal and the external system's record: every change completes, each approval
/// resumes its instance exactly once, each side effect is applied once, nothing is Faulted. The short form (CI) is
/// the default; <c>bench/chaos.sh</c> sets the full form through the environment (see <see cref="ChaosSettings"/>).
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly EffectRecorder _effects = new() { FailOneIn = 7 };
    private readonly WorkflowFolder _workflows = new();
    private PostgresTestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync();
        _workflows.With("chaos-change", $$"""
            {
              "id": "chaos-change",
              "name": "Approval, snapshot, soak, install",
              "inputs": [ { "name": "change", "type": "string", "required": true } ],
              "activities": [
                { "id": "approval", "type": "WaitForEvent", "inputs": { "kind": "approval", "key": { "js": "input.change" } } },
                { "id": "snapshot", "type": "HttpRequest", "retry": { "attempts": 20, "backoff": "PT0.2S" }, "inputs": { "url": "{{_effects.Url}}snapshot", "method": "POST" } },
                { "id": "soak", "type": "Delay", "inputs": { "duration": "PT1S" } },
                { "id": "install", "type": "HttpRequest", "retry": { "attempts": 20, "backoff": "PT0.2S" }, "inputs": { "url": "{{_effects.Url}}install", "method": "POST" } }
              ],
              "connections": [
                { "from": "approval", "outcome": "Received", "to": "snapshot" },
                { "from": "snapshot", "to": "soak" },
                { "from": "soak", "to": "install" }
              ]
            }
            """);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _workflows.Dispose();
        _effects.Dispose();
    }

    [Fact]
    public async Task Chaos_NodesKilledAtRandomWhileChangesAreApproved_EveryChangeCompletesWithNothingRepeated()
    {
        var settings = ChaosSettings.FromEnvironment();
        var wall = Stopwatch.StartNew();
        var nodes = new ServerProcess[] { await ServerProcess.StartAsync(Environment()), await ServerProcess.StartAsync(Environment()) };
        var changes = Enumerable.Range(1, settings.Changes).Select(Change).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (change, i) in changes.Select((c, i) => (c, i)))
        {
            ids[change] = await StartAsync(nodes[i % 2], change);
        }

        using var stop = new CancellationTokenSource();
        var kills = 0;
        var killer = Task.Run(async () =>
        {
            var random = new Random(18);
            while (!stop.IsCancellationRequested)
            {
                var wait = settings.KillMin + (settings.KillMax - settings.KillMin) * random.NextDouble();
                try
                {
                    await Task.Delay(wait, stop.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                var victim = random.Next(nodes.Length);
                nodes[victim].Kill();
                await nodes[victim].DisposeAsync();
                Interlocked.Increment(ref kills);
                nodes[victim] = await ServerProcess.StartAsync(Environment());
            }
        });

        foreach (var change in changes)
        {
            await DeliverApprovalAsync(nodes, change);
        }

        var completed = await CompletedAsync(nodes, ids.Values, settings, () => Volatile.Read(ref kills));
        await stop.CancelAsync();
        await killer;
        wall.Stop();

        var violations = await ViolationsAsync(ids, completed);
        var report = Report(settings, wall.Elapsed, kills, completed.Count, violations);
        output.WriteLine(report);
        if (System.Environment.GetEnvironmentVariable("CHAOS_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        Assert.True(kills >= settings.MinKills, $"only {kills} kills{System.Environment.NewLine}{report}");
        Assert.True(violations.Count == 0, report);
    }

    private static string Change(int i) => i % 2 == 0 ? $"servicenow:CHG{i:D7}" : $"jira:ITOPS-{i}";

    private static async Task<string> StartAsync(ServerProcess node, string change)
    {
        using var response = await node.Client.PostAsJsonAsync("/api/instances", new { definitionId = "chaos-change", input = new { change } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    /// <summary>As the desk does: sends the same delivery again (same id) until a node acknowledges it.</summary>
    private static async Task DeliverApprovalAsync(ServerProcess[] nodes, string change)
    {
        var number = change[(change.IndexOf(':', StringComparison.Ordinal) + 1)..];
        var body = change.StartsWith("jira:", StringComparison.Ordinal) ? JiraDeliveries.Approved(number) : ServiceNowDeliveries.Approved(number);
        var deliveryId = $"delivery-{number}";
        for (var attempt = 0; ; attempt++)
        {
            var node = nodes[attempt % nodes.Length];
            try
            {
                using var anonymous = new HttpClient { BaseAddress = node.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
                using var request = change.StartsWith("jira:", StringComparison.Ordinal)
                    ? JiraDeliveries.Request(body, JiraDeliveries.OldSecret, deliveryId)
                    : ServiceNowDeliveries.Request(body, ServiceNowDeliveries.OldSecret, deliveryId);
                using var response = await anonymous.SendAsync(request);
                if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
            {
                // The node was killed under the request: the desk retries.
            }

            await Task.Delay(200);
        }
    }

    private static async Task<List<string>> CompletedAsync(ServerProcess[] nodes, IEnumerable<string> ids, ChaosSettings settings, Func<int> kills)
    {
        var wanted = ids.ToHashSet(StringComparer.Ordinal);
        var waited = Stopwatch.StartNew();
        var completed = new List<string>();
        while (waited.Elapsed < settings.Limit)
        {
            try
            {
                var page = JsonNode.Parse(await nodes[0].Client.GetStringAsync("/api/instances?status=Completed&limit=500"))!;
                completed = page["items"]!.AsArray().Select(i => i!["id"]!.GetValue<string>()).Where(wanted.Contains).ToList();
                if (completed.Count == wanted.Count && kills() >= settings.MinKills)
                {
                    break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
            {
                // Asked a node that is being killed: ask again.
            }

            await Task.Delay(250);
        }

        return completed;
    }

    private async Task<List<string>> ViolationsAsync(Dictionary<string, string> ids, List<string> completed)
    {
        var violations = new List<string>();
        await using var harness = new PersistenceHarness(_database);
        foreach (var (change, id) in ids)
        {
            if (!completed.Contains(id))
            {
                violations.Add($"{change}: not completed ({(await harness.InstanceAsync(id)).Status})");
            }

            var journal = await harness.JournalAsync(id);
            var resumes = journal.Count(e => e.Type == JournalEntryType.ActivityResumed && e.ActivityId == "approval");
            if (resumes != 1)
            {
                violations.Add($"{change}: approval resumed {resumes} times");
            }

            foreach (var step in new[] { "snapshot", "install" })
            {
                var applied = _effects.Deliveries.Keys.Count(k => k.StartsWith($"{id}:{step}:", StringComparison.Ordinal));
                if (applied != 1)
                {
                    violations.Add($"{change}: {step} applied {applied} times");
                }
            }
        }

        return violations;
    }

    private string Report(ChaosSettings settings, TimeSpan wall, int kills, int completed, List<string> violations)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"chaos run: {settings.Changes} changes, {completed} completed, wall time {wall.TotalSeconds:F1} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"kills (SIGKILL + restart): {kills}, every {settings.KillMin.TotalSeconds:F0}-{settings.KillMax.TotalSeconds:F0} s");
        report.AppendLine(CultureInfo.InvariantCulture, $"faults injected (503 from the external system): {_effects.FaultsInjected}");
        report.AppendLine(CultureInfo.InvariantCulture, $"side effects re-sent with the same idempotency key after a kill: {_effects.Deliveries.Values.Sum(v => v - 1)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"violations: {violations.Count}");
        foreach (var violation in violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {violation}");
        }

        return report.ToString();
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Persistence__Provider"] = "Postgres",
        ["ConnectionStrings__Postgres"] = _database.ConnectionString,
        ["Workflows__Folder"] = _workflows.Path,
        ["Sandbox__Enabled"] = "false",
        ["Webhooks__Jira__Secrets__0"] = JiraDeliveries.OldSecret,
        ["Webhooks__ServiceNow__Secrets__0"] = ServiceNowDeliveries.OldSecret,
        ["Webhooks__Processing__PollInterval"] = "00:00:00.500",
        ["Runtime__TimerPollInterval"] = "00:00:00.200",
        ["Engine__Expressions__Timeout"] = "00:00:30",
    };
}
