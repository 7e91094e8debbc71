using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Patching.Support;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Simulators;
using Npgsql;
using Xunit.Abstractions;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The chaos run on the shipped <c>workflows/patch-change.json</c>: two server processes on one PostgreSQL of the
/// test's own, patch changes of 1-20 servers on ServiceNow and Jira approved by the desks' own webhooks (through a
/// load balancer in front of the nodes), the simulated ServiceNow, Jira, SSM and EC2 adding latency, throttling and
/// 5xx answers, a random node killed with SIGKILL and started again every few seconds, and PostgreSQL itself
/// restarted (immediately, as in a crash) halfway through. Invariants from the simulators' records and the journals
/// (<see cref="ChaosInvariants"/>). The defaults are the short form CI runs; <c>bench/chaos.sh</c> runs the full and
/// harsh forms (<see cref="PatchChaosSettings"/>) and writes the report to <c>CHAOS_REPORT</c>.
/// </summary>
[Collection(ChaosCollection.Name)]
public sealed class PatchChaosTests(ITestOutputHelper output)
{
    private const int TimeScale = 2000;
    private const string ServiceNowSecret = "chaos-servicenow-webhook-secret-01";
    private const string JiraSecret = "chaos-jira-webhook-secret-000001";

    /// <summary>Work held by a dead node is to be picked up by another within this.</summary>
    private static readonly TimeSpan LongStall = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Chaos_PatchChangesApprovedByWebhooksWhileNodesAndTheDatabaseAreKilled_EveryChangeCompletesWithNothingRepeated()
    {
        var settings = PatchChaosSettings.FromEnvironment();
        await using var cluster = await PostgresCluster.StartAsync();
        await using var database = await PostgresTestDatabase.CreateAsync(cluster.ConnectionString);
        using var workflows = new WorkflowFolder().With("patch-change", File.ReadAllText(PatchChangeServer.RepositoryFile("workflows", "patch-change.json")));
        ChaosNodes? nodes = null;
        await using var front = await WebhookFront.StartAsync(() => nodes!.Addresses);
        await using var simulators = await SimulatorHost.StartAsync(SimulatorSettings(settings, front.Address));
        using var desks = new DeskSimulators(simulators);
        using var aws = new AwsSimulator(simulators);
        using var faults = new ChaosFaults(simulators, aws);
        await using var started = nodes = new ChaosNodes(NodeEnvironment(database, workflows, simulators, aws), 2, Environment.GetEnvironmentVariable("CHAOS_LOGS") is { Length: > 0 } logs ? logs : null);
        await nodes.StartAsync();

        var changes = await PlanAsync(settings, aws);
        await faults.StartStandingAsync();
        using var stop = new CancellationTokenSource();
        var deskFaults = faults.ArmDeskFailuresAsync(settings.Seed, stop.Token);
        var wall = Stopwatch.StartNew();
        foreach (var change in changes)
        {
            change.InstanceId = await StartAsync(nodes, change);
        }

        var killer = settings.Kills ? KillAsync(nodes, settings, stop.Token) : Task.CompletedTask;
        var restarts = 0;
        while (changes.Any(c => c.Final is null) && wall.Elapsed < settings.Limit)
        {
            await ObserveAsync(nodes, desks, changes);
            if (restarts < settings.DatabaseRestarts && changes.Count(c => c.ApprovalPassed || c.Final is not null) * (settings.DatabaseRestarts + 1) >= changes.Count * (restarts + 1))
            {
                await cluster.RestartImmediatelyAsync();
                restarts++;

                // The test's own pooled connections died with the server too.
                NpgsqlConnection.ClearAllPools();
            }

            await Task.Delay(500);
        }

        var elapsed = wall.Elapsed;
        while (settings.Kills && nodes.Kills.Count < settings.MinKills && wall.Elapsed < settings.Limit)
        {
            await Task.Delay(500);
        }

        await stop.CancelAsync();
        await killer;
        await deskFaults;
        var (deskFailures, awsThrottled, awsErrors) = await faults.StopAsync();
        foreach (var change in changes)
        {
            change.Journal.AddRange(await nodes.AskAsync(client => JournalAsync(client, change.InstanceId)));
        }

        var violations = await ChaosInvariants.ViolationsAsync(changes, desks, aws);
        var report = Report(settings, changes, elapsed, nodes.Kills, restarts, (deskFailures, awsThrottled, awsErrors), front.Forwarded, violations);
        output.WriteLine(report);
        if (Environment.GetEnvironmentVariable("CHAOS_REPORT") is { Length: > 0 } file)
        {
            await File.WriteAllTextAsync(file, report);
        }

        Assert.True(!settings.Kills || nodes.Kills.Count >= settings.MinKills, $"only {nodes.Kills.Count} kills{Environment.NewLine}{report}");
        Assert.True(restarts >= settings.DatabaseRestarts, $"only {restarts} database restarts{Environment.NewLine}{report}");
        Assert.True(violations.Count == 0, report);
    }

    /// <summary>Each change on its own servers (so no two changes patch one server), 1 to the maximum of them, desks alternating.</summary>
    private static async Task<List<ChaosChange>> PlanAsync(PatchChaosSettings settings, AwsSimulator aws)
    {
        var random = new Random(settings.Seed);
        var free = new Dictionary<string, Queue<string>>(StringComparer.Ordinal);
        foreach (var environment in new[] { "Prod", "Test" })
        {
            free[environment] = new Queue<string>((await aws.OnlineNodesAsync("&patchGroup=" + environment))
                .Where(n => !n.Hybrid && n.Platform == "Linux" && n.VolumeIds.Count > 0)
                .Select(n => n.InstanceId));
        }

        var changes = new List<ChaosChange>();
        for (var i = 0; i < settings.Changes; i++)
        {
            var (desk, environment) = i % 2 == 0 ? ("servicenow", "Prod") : ("jira", "Test");
            var size = Math.Min(random.Next(1, settings.MaxServers + 1), free[environment].Count);
            Assert.True(size > 0, $"the simulated fleet has no free {environment} server left for change {i + 1}");
            changes.Add(new ChaosChange(desk, environment, [.. Enumerable.Range(0, size).Select(_ => free[environment].Dequeue())]));
        }

        return changes;
    }

    /// <summary>
    /// Started before the first kill, with a request id of its own: a start asked again after an answer that never
    /// came (a node too busy to answer in time) finds the instance the first one started instead of starting another.
    /// </summary>
    private static Task<string> StartAsync(ChaosNodes nodes, ChaosChange change)
    {
        var input = PatchChangeServer.ChangeInput(change.Desk, change.Environment, change.Servers, new JsonObject
        {
            // Only a webhook decides in time: the desk is read as a safety net once a day.
            ["approvalPollInterval"] = "P1D",
        });
        var start = new JsonObject { ["definitionId"] = "patch-change", ["requestId"] = "chaos-" + Guid.NewGuid().ToString("N"), ["input"] = input };
        return nodes.AskAsync(async client =>
        {
            using var response = await client.PostAsJsonAsync("/api/instances", start);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"start: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body)!["id"]!.GetValue<string>();
        });
    }

    private static async Task KillAsync(ChaosNodes nodes, PatchChaosSettings settings, CancellationToken stop)
    {
        var random = new Random(settings.Seed + 1);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.KillMin + (settings.KillMax - settings.KillMin) * random.NextDouble(), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await nodes.KillAndRestartAsync(random.Next(2));
        }
    }

    /// <summary>
    /// Reads each change as the operator's console would; approves the ones waiting for approval on their desk, as
    /// the approvers do (the desk then sends its webhook), and keeps the final state of the ones that ended.
    /// </summary>
    private static async Task ObserveAsync(ChaosNodes nodes, DeskSimulators desks, List<ChaosChange> changes)
    {
        foreach (var change in changes.Where(c => c.Final is null))
        {
            var instance = await nodes.AskAsync(async client => JsonNode.Parse(await client.GetStringAsync($"/api/instances/{change.InstanceId}"))!);
            change.Number ??= instance["outputs"]?["raise"]?["number"]?.GetValue<string>();
            var waitingForApproval = instance["waitingActivities"]!.AsArray().Any(a => a!.GetValue<string>() == "approval");
            change.ApprovalPassed |= instance["outputs"]?["approval"] is not null && !waitingForApproval;
            if (instance["status"]!.GetValue<string>() is "Completed" or "Faulted" or "Cancelled")
            {
                change.Final = instance;
            }
            else if (waitingForApproval && change.Number is { } number)
            {
                await ApproveAsync(desks, change.Desk, number);
            }
        }
    }

    /// <summary>Decides the pending approvals of the change's current stage; a stage already decided answers 409, which is fine.</summary>
    private static async Task ApproveAsync(DeskSimulators desks, string desk, string number)
    {
        try
        {
            if (desk == "servicenow")
            {
                await desks.ServiceNowDecideAsync(number, approve: true, "CAB: go");
            }
            else
            {
                await desks.JiraDecideAsync(number, approve: true);
            }
        }
        catch (Xunit.Sdk.XunitException)
        {
            // Nothing pending any more (the webhook is on its way): the next look sees the change move on.
        }
    }

    private static async Task<List<JsonNode>> JournalAsync(HttpClient client, string instanceId)
    {
        var entries = new List<JsonNode>();
        long? after = 0;
        while (after is { } from)
        {
            var page = JsonNode.Parse(await client.GetStringAsync($"/api/instances/{instanceId}/journal?after={from}&limit=500"))!;
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            after = page["next"]?.GetValue<long>();
        }

        return entries;
    }

    private static string Report(
        PatchChaosSettings settings, List<ChaosChange> changes, TimeSpan wall, IReadOnlyList<ChaosKill> kills, int restarts,
        (long Desk, long AwsThrottled, long AwsErrors) faults, int webhooks, List<string> violations)
    {
        var stalls = ChaosStalls.AfterKills(changes, kills);
        var gaps = ChaosStalls.Gaps(changes);
        var byWebhook = changes.Count(c => c.Journal.Any(e => e["activityId"]?.GetValue<string>() == "approval" && e["type"]!.GetValue<string>() == "ActivityCompleted"
            && e.ToJsonString().Contains("\"event\"", StringComparison.Ordinal)));
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"patch-change chaos run: {settings.Describe()}");
        report.AppendLine(CultureInfo.InvariantCulture, $"changes: {changes.Count} ({changes.Count(c => c.Desk == "servicenow")} ServiceNow, {changes.Count(c => c.Desk == "jira")} Jira; {changes.Sum(c => c.Servers.Count)} servers), completed: {changes.Count(c => c.Status == "Completed")}, approved by webhook: {byWebhook}");
        report.AppendLine(CultureInfo.InvariantCulture, $"wall time: {wall.TotalSeconds:F1} s (first start to last change ended)");
        report.AppendLine(CultureInfo.InvariantCulture, $"kills (SIGKILL + restart): {kills.Count}");
        report.AppendLine(CultureInfo.InvariantCulture, $"database restarts (immediate): {restarts}");
        report.AppendLine(CultureInfo.InvariantCulture, $"faults injected: {faults.Desk + faults.AwsThrottled + faults.AwsErrors} ({faults.Desk} desk 503/429, {faults.AwsThrottled} AWS throttling, injected or over the account's CreateSnapshots rate, {faults.AwsErrors} AWS 5xx; plus standing latency)");
        report.AppendLine(CultureInfo.InvariantCulture, $"webhook deliveries acknowledged through the load balancer: {webhooks}");
        report.AppendLine(CultureInfo.InvariantCulture, $"longest stall of any instance after a kill: {Longest(stalls)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"longest gap between two journal entries of any instance (approval waits aside): {Longest(gaps)}");
        var longStalls = stalls.Where(s => s.Length > LongStall).ToList();
        report.AppendLine(CultureInfo.InvariantCulture, $"stalls after a kill over {LongStall.TotalSeconds:F0} s: {longStalls.Count} of {stalls.Count} (instance, kill) pairs; their time by cause: {Totals(longStalls)}");
        report.AppendLine(CultureInfo.InvariantCulture, $"gaps over {LongStall.TotalSeconds:F0} s: {gaps.Count(g => g.Length > LongStall)} of {gaps.Count}; their time by cause: {Totals(gaps.Where(g => g.Length > LongStall))}");
        foreach (var stall in stalls.Take(5))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  stall: {stall.Describe()}");
        }

        foreach (var gap in gaps.Take(3))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  gap: {gap.Describe()}");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"violations: {violations.Count}");
        foreach (var violation in violations)
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {violation}");
        }

        return report.ToString();
    }

    private static string Longest(List<ChaosStall> stalls) =>
        stalls.Count == 0 ? "0.0 s (-)" : string.Create(CultureInfo.InvariantCulture, $"{stalls[0].Length.TotalSeconds:F1} s ({stalls[0].Change} {stalls[0].Context}, before {stalls[0].Next})");

    private static string Totals(IEnumerable<ChaosStall> stalls)
    {
        var totals = ChaosStalls.Totals(stalls).Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Cause} {t.Time.TotalSeconds:F0} s")).ToList();
        return totals.Count == 0 ? "-" : string.Join(", ", totals);
    }

    private static Dictionary<string, string?> SimulatorSettings(PatchChaosSettings settings, Uri front)
    {
        var fleet = Math.Clamp(settings.Changes * settings.MaxServers * 4, 80, 6000);
        var realHalfSecond = (TimeScale / 2).ToString(CultureInfo.InvariantCulture);
        return new Dictionary<string, string?>
        {
            ["Simulators:Clock:TimeScale"] = TimeScale.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:FleetSize"] = fleet.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:Seed"] = settings.Seed.ToString(CultureInfo.InvariantCulture),

            // The account's CreateSnapshots bucket as EC2 publishes it (200 tokens refilled at 5/s), in real time: both
            // nodes draw on it, as on one AWS account. Each node's own client-side bucket starts full when the node
            // starts; without the account's, a node restarted after a kill would snapshot at a rate no account allows,
            // and a run with kills would gain from them.
            ["Simulators:Aws:RateLimits:Enabled"] = "true",
            ["Simulators:Aws:RateLimits:Operations:EC2.CreateSnapshots:PerSecond"] = (5.0 / TimeScale).ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:RateLimits:Operations:EC2.CreateSnapshots:Burst"] = "200",

            // The desks send their webhooks to the load balancer and retry for a while when no node answers.
            ["Simulators:ServiceNow:Notifications:Urls:0"] = new Uri(front, "webhooks/servicenow").ToString(),
            ["Simulators:ServiceNow:Notifications:Secret"] = ServiceNowSecret,
            ["Simulators:ServiceNow:Notifications:MaxAttempts"] = "10",
            ["Simulators:ServiceNow:Notifications:InitialBackoffSeconds"] = realHalfSecond,
            ["Simulators:Jira:Webhooks:0:Name"] = "ChangeOrchestrator",
            ["Simulators:Jira:Webhooks:0:Url"] = new Uri(front, "webhooks/jira").ToString(),
            ["Simulators:Jira:Webhooks:0:Events:0"] = "jira:issue_created",
            ["Simulators:Jira:Webhooks:0:Events:1"] = "jira:issue_updated",
            ["Simulators:Jira:Webhooks:0:Secret"] = JiraSecret,
            ["Simulators:Jira:WebhookDelivery:MaxAttempts"] = "10",
            ["Simulators:Jira:WebhookDelivery:FirstRetryDelay"] = TimeSpan.FromSeconds(TimeScale / 2).ToString("c", CultureInfo.InvariantCulture),
            ["Simulators:Jira:WebhookDelivery:MaxRetryDelay"] = TimeSpan.FromSeconds(TimeScale * 2).ToString("c", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The product's own lease, claim and poll defaults: the stalls measured are the ones a user gets.</summary>
    private static Dictionary<string, string> NodeEnvironment(PostgresTestDatabase database, WorkflowFolder workflows, SimulatorHost simulators, AwsSimulator aws)
    {
        var environment = new Dictionary<string, string>
        {
            ["Persistence__Provider"] = "Postgres",
            ["ConnectionStrings__Postgres"] = database.ConnectionString,
            ["Workflows__Folder"] = workflows.Path,
            ["Sandbox__Enabled"] = "false",
            ["AllowedValues__ChangeCalendars__0"] = "ChangeFreeze",
            ["Webhooks__ServiceNow__Secrets__0"] = ServiceNowSecret,
            ["Webhooks__Jira__Secrets__0"] = JiraSecret,
        };
        foreach (var (key, value) in SimulatorConnections.Settings(simulators, aws))
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The desks' own retry back-off (2-30 s), not the tests' milliseconds: a desk answering 503 or 429 is waited out as in production.
        foreach (var desk in new[] { "ServiceNow", "Jira" })
        {
            environment.Remove($"ServiceDesk__{desk}__Resilience__BaseDelay");
            environment.Remove($"ServiceDesk__{desk}__Resilience__MaxDelay");
        }

        // Throttling and 5xx on a share of AWS calls: enough SDK retries that a run of them stays within the policy.
        environment["Aws__MaxRetries"] = "8";
        return environment;
    }
}
