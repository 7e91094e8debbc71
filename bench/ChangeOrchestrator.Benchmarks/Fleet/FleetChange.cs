using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;

namespace ChangeOrchestrator.Benchmarks.Fleet;

/// <summary>
/// One patch change over the Prod servers of a simulated fleet, driven as an operator would: started through the API
/// for the Prod patch group (with the API's default body and expression limits), approved on the service desk, followed to its close. The simulators and the server
/// are processes of their own, so the server's CPU time and memory are the engine's alone.
/// </summary>
internal static class FleetChange
{
    private const string ChangeRoute = "api/now/table/change_request";

    // Prod is 45% of a generated fleet (FleetGenerator): a fleet of n ÷ 0.45 has about n Prod servers, as the seed draws them.
    private const double ProdShare = 0.45;

    /// <summary>Servers of the Test patch group in the change that warms a server before the measured one.</summary>
    public const int WarmUpServers = 500;

    /// <summary>The runtime's background recompiling thread, as Linux shows its name (15 characters at most).</summary>
    private const string TieredCompilerThread = ".NET Tiered Com";

    /// <summary>
    /// The change in a database of its own. With <paramref name="warm"/> the server first runs a change of
    /// <see cref="WarmUpServers"/> Test servers, so that the measured change runs on a server whose code is compiled,
    /// as on a node that has run for a while; its peak memory is then the measured change's (reset after the warm-up).
    /// </summary>
    public static async Task<FleetRunResult> RunAsync(
        string postgresServer, int targets, double timeScale, bool warm, CancellationToken cancellationToken)
    {
        await using var database = await PostgresBenchDatabase.CreateAsync(postgresServer, cancellationToken);
        return await RunInAsync(database.ConnectionString, targets, timeScale, warm, cancellationToken);
    }

    /// <summary>The change in a database that exists already (the console scenario runs it among a stored history).</summary>
    public static async Task<FleetRunResult> RunInAsync(
        string databaseConnectionString, int targets, double timeScale, bool warm, CancellationToken cancellationToken)
    {
        var fleetSize = (int)Math.Ceiling(targets / ProdShare);
        await using var simulators = await ChildProcess.StartAsync(
            "ChangeOrchestrator.Simulators.dll", FleetEnvironment.Simulators(fleetSize, timeScale, seed: 11), "sim/aws/_control/fleet", cancellationToken);
        var workflows = Directory.CreateTempSubdirectory("co-bench-fleet-").FullName;
        try
        {
            File.Copy(FleetEnvironment.PatchChangeWorkflow(), Path.Combine(workflows, "patch-change.json"));
            await using var server = await ChildProcess.StartAsync(
                ServerEnvironment.Dll, FleetEnvironment.Server(databaseConnectionString, workflows, simulators.Address, timeScale), ServerEnvironment.ReadyPath, cancellationToken);
            // The start answers after the change's first burst (targets resolved, agents checked, the scan sent): minutes at 50,000 servers.
            using var api = ServerEnvironment.Client(server.Address, FleetEnvironment.ApiKey, TimeSpan.FromMinutes(20));
            using var sim = new HttpClient { BaseAddress = simulators.Address, Timeout = TimeSpan.FromMinutes(2) };
            using var desk = new HttpClient { BaseAddress = new Uri(simulators.Address, "sim/servicenow/"), Timeout = TimeSpan.FromMinutes(1) };
            desk.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(
                Encoding.UTF8.GetBytes($"{FleetEnvironment.ServiceNowUser}:{FleetEnvironment.ServiceNowPassword}")));
            desk.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            var run = new Run(server, api, sim, desk);
            DatabaseFootprint? before = null;
            if (warm)
            {
                await run.WarmUpAsync(cancellationToken);
                before = await DatabaseFootprint.ReadAsync(databaseConnectionString, instanceId: null, before: null, cancellationToken);
            }

            var (result, instanceId) = await run.ExecuteAsync(targets, fleetSize, timeScale, cancellationToken);
            return result with { WarmServer = warm, Database = await DatabaseFootprint.ReadAsync(databaseConnectionString, instanceId, before, cancellationToken) };
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    private sealed class Run(ChildProcess server, HttpClient api, HttpClient sim, HttpClient desk)
    {
        private readonly Dictionary<string, int> _ownDeskReads = new(StringComparer.Ordinal);

        /// <summary>
        /// A whole change of <see cref="WarmUpServers"/> servers of the Test patch group, named by id, run to its close:
        /// every step the measured change takes runs once before it. Then the server's peak resident set is reset.
        /// </summary>
        public async Task WarmUpAsync(CancellationToken cancellationToken)
        {
            var nodes = await GetJsonAsync(sim, $"sim/aws/_control/fleet/nodes?patchGroup=Test&managed=true&limit={WarmUpServers}", cancellationToken);
            var ids = new JsonArray([.. nodes.AsArray().Select(n => JsonValue.Create(n!["instanceId"]!.GetValue<string>()))]);
            var input = FleetInput.Create(TimeProvider.System.GetUtcNow(), "Test");
            input["instanceIds"] = ids;
            var instanceId = await StartAsync(input, cancellationToken);
            var number = await WaitForAsync(instanceId, "the warm-up's change request", async token => (await FindChangeAsync("Test", token))?["number"]?.GetValue<string>(), cancellationToken);
            await WaitForAsync(instanceId, "the warm-up's approval", token => ApproveAsync(number, token), cancellationToken);
            await WaitForAsync(instanceId, "the warm-up's end", async token =>
                (await GetJsonAsync(api, $"api/instances/{instanceId}", token))["status"]!.GetValue<string>() is "Completed" ? "done" : null, cancellationToken);
            await SettleAsync(cancellationToken);
            server.ResetPeakWorkingSet();
        }

        /// <returns>The change's figures and its instance id.</returns>
        public async Task<(FleetRunResult Result, string InstanceId)> ExecuteAsync(int targets, int fleetSize, double timeScale, CancellationToken cancellationToken)
        {

            // The desk's request counts are by route; reading the change table once beforehand tells this client's own route.
            var deskBefore = await DeskCountsAsync(cancellationToken);
            await FindChangeAsync("Prod", cancellationToken);
            var ownRoute = (await DeskCountsAsync(cancellationToken)).First(c => c.Value != deskBefore.GetValueOrDefault(c.Key)).Key;
            _ownDeskReads[ownRoute] = 1;
            var awsBefore = await AwsCountsAsync("calls", cancellationToken);

            await SettleAsync(cancellationToken);
            var cpuBefore = server.CpuSeconds();
            await using var tieredCompiler = ThreadCpuMeter.Start(server.Id, TieredCompilerThread);
            var started = Stopwatch.GetTimestamp();
            var instanceId = await StartAsync(FleetInput.Create(TimeProvider.System.GetUtcNow(), "Prod"), cancellationToken);

            var number = await WaitForAsync(instanceId, "the change request", async token => (await FindChangeAsync("Prod", token))?["number"]?.GetValue<string>(), cancellationToken);
            await WaitForAsync(instanceId, "the approval", token => ApproveAsync(number, token), cancellationToken);
            await WaitForAsync(instanceId, "the close of the change", async token =>
                (await FindChangeAsync("Prod", token))?["state"]?.GetValue<string>() is "3" or "4" ? "closed" : null, cancellationToken);
            var closedAfter = Stopwatch.GetElapsedTime(started);

            // After the close only bookkeeping is left; once the server has gone quiet its CPU time is the change's.
            await SettleAsync(cancellationToken);
            var cpu = server.CpuSeconds() - cpuBefore;
            var recompiling = await tieredCompiler.StopAsync();
            var peak = server.PeakWorkingSetMiB();
            // The desk shows the change closed before the close step's own commit (and any retry of it): wait for the end.
            var instance = await GetJsonAsync(api, $"api/instances/{instanceId}", cancellationToken);
            for (var waited = Stopwatch.StartNew(); instance["status"]!.GetValue<string>() is "Running" or "Suspended" && waited.Elapsed < TimeSpan.FromMinutes(10);)
            {
                await Task.Delay(500, cancellationToken);
                instance = await GetJsonAsync(api, $"api/instances/{instanceId}", cancellationToken);
            }

            var status = instance["status"]!.GetValue<string>();
            if (status != "Completed")
            {
                throw new InvalidOperationException(
                    $"The change ended {status}, waiting on [{string.Join(", ", instance["waitingActivities"]!.AsArray())}]: {instance["incident"]?.ToJsonString()}"
                    + $"{Environment.NewLine}{await JournalTailAsync(instanceId, cancellationToken)}{Environment.NewLine}{server.Output()}");
            }

            var wall = instance["finishedAt"]!.GetValue<DateTimeOffset>() - instance["createdAt"]!.GetValue<DateTimeOffset>();
            var awsAfter = await AwsCountsAsync("calls", cancellationToken);
            var awsThrottled = await AwsCountsAsync("throttled", cancellationToken);
            var awsConcurrent = await AwsCountsAsync("maxConcurrent", cancellationToken);
            var deskAfter = await DeskCountsAsync(cancellationToken);
            var spans = await SpansAsync(instanceId, instance["createdAt"]!.GetValue<DateTimeOffset>(), cancellationToken);
            return (new FleetRunResult
            {
                Spans = spans,
                Targets = targets,
                FleetSize = fleetSize,
                TimeScale = timeScale,
                CpuSeconds = cpu,
                TieredCompilerCpuSeconds = recompiling,
                PeakWorkingSetMiB = peak,
                WallSeconds = wall.TotalSeconds,
                ClientSeconds = closedAfter.TotalSeconds,
                Input = instance["input"]!.AsObject(),
                Steps = await StoredLists.ResolveAsync(api, instanceId, instance["outputs"]!.AsObject(), cancellationToken),
                AwsCalls = awsAfter.ToDictionary(c => c.Key, c => c.Value - awsBefore.GetValueOrDefault(c.Key), StringComparer.Ordinal),
                AwsThrottled = awsThrottled,
                AwsMaxConcurrent = awsConcurrent,
                DeskCalls = deskAfter
                    .Select(c => (c.Key, Count: c.Value - deskBefore.GetValueOrDefault(c.Key) - _ownDeskReads.GetValueOrDefault(c.Key)))
                    .Where(c => c.Count > 0)
                    .ToDictionary(c => c.Key, c => c.Count, StringComparer.Ordinal),
            }, instanceId);
        }

        /// <summary>The last journal entries of the instance, for a change that did not complete.</summary>
        private async Task<string> JournalTailAsync(string instanceId, CancellationToken cancellationToken)
        {
            var lines = new List<string>();
            for (long after = 0; ;)
            {
                var page = await GetJsonAsync(api, string.Create(CultureInfo.InvariantCulture, $"api/instances/{instanceId}/journal?after={after}&limit=500"), cancellationToken);
                lines.AddRange(page["items"]!.AsArray().Select(e => $"{e!["at"]} {e["type"]} {e["activityId"]} {e["message"]}"));
                if (page["next"]?.GetValue<long>() is not { } next)
                {
                    break;
                }

                after = next;
            }

            return string.Join(Environment.NewLine, lines.TakeLast(15));
        }

        /// <summary>Each activity's first start and last end in the journal (a suspended activity spans its waits).</summary>
        private async Task<List<StepSpan>> SpansAsync(string instanceId, DateTimeOffset created, CancellationToken cancellationToken)
        {
            var spans = new Dictionary<string, (DateTimeOffset Start, DateTimeOffset End)>(StringComparer.Ordinal);
            for (long after = 0; ;)
            {
                var page = await GetJsonAsync(api, string.Create(CultureInfo.InvariantCulture, $"api/instances/{instanceId}/journal?after={after}&limit=500"), cancellationToken);
                foreach (var entry in page["items"]!.AsArray())
                {
                    if (entry!["activityId"]?.GetValue<string>() is not { } activity)
                    {
                        continue;
                    }

                    var at = entry["at"]!.GetValue<DateTimeOffset>();
                    spans[activity] = spans.TryGetValue(activity, out var span) ? (span.Start < at ? span.Start : at, span.End > at ? span.End : at) : (at, at);
                }

                if (page["next"]?.GetValue<long>() is not { } next)
                {
                    break;
                }

                after = next;
            }

            return [.. spans
                .Select(s => new StepSpan(s.Key, (s.Value.Start - created).TotalSeconds, (s.Value.End - created).TotalSeconds))
                .OrderBy(s => s.StartSeconds)];
        }

        private async Task<string> StartAsync(JsonObject input, CancellationToken cancellationToken)
        {
            using var response = await api.PostAsJsonAsync("api/instances", new JsonObject { ["definitionId"] = "patch-change", ["input"] = input }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.Created
                ? JsonNode.Parse(body)!["id"]!.GetValue<string>()
                : throw new InvalidOperationException($"Starting the change answered {(int)response.StatusCode}: {body}");
        }

        /// <summary>The change's record on the desk (number, state, approval); the run raises one per environment.</summary>
        private async Task<JsonNode?> FindChangeAsync(string environment, CancellationToken cancellationToken)
        {
            var route = _ownDeskReads.Keys.FirstOrDefault();
            if (route is not null)
            {
                _ownDeskReads[route]++;
            }

            var found = await GetJsonAsync(desk, $"{ChangeRoute}?sysparm_fields=number,state,approval,short_description", cancellationToken);
            return found["result"]!.AsArray().FirstOrDefault(c =>
                c!["short_description"]?.GetValue<string>().StartsWith($"{environment} patching:", StringComparison.Ordinal) == true);
        }

        /// <summary>Decides the pending approvals of the change's current stage; done once the change is approved.</summary>
        private async Task<string?> ApproveAsync(string number, CancellationToken cancellationToken)
        {
            using var response = await sim.PostAsJsonAsync($"sim/servicenow/_control/changes/{number}/approve", new { comment = "approved by the fleet benchmark" }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                // No approval pending yet, or the next stage's approvals are not requested yet.
                return null;
            }

            return response.IsSuccessStatusCode
                ? JsonNode.Parse(body)!["approval"]?.GetValue<string>() == "approved" ? number : null
                : throw new InvalidOperationException($"Approving {number} answered {(int)response.StatusCode}: {body}");
        }

        /// <summary>Polls until <paramref name="probe"/> answers, failing with the instance's state when it faults or stalls.</summary>
        private async Task<string> WaitForAsync(string instanceId, string what, Func<CancellationToken, Task<string?>> probe, CancellationToken cancellationToken)
        {
            var waited = Stopwatch.StartNew();
            var nextCheck = TimeSpan.FromSeconds(30);
            while (true)
            {
                if (await probe(cancellationToken) is { } answer)
                {
                    return answer;
                }

                // The instance is read rarely: with thousands of servers its state is megabytes, and reading it costs the server.
                if (waited.Elapsed > nextCheck)
                {
                    nextCheck += TimeSpan.FromSeconds(30);
                    var instance = await GetJsonAsync(api, $"api/instances/{instanceId}", cancellationToken);
                    if (instance["status"]!.GetValue<string>() is "Faulted" or "Cancelled" or "Completed" || waited.Elapsed > TimeSpan.FromMinutes(30))
                    {
                        throw new InvalidOperationException(
                            $"Waiting for {what}: the instance is {instance["status"]}, waiting on [{string.Join(", ", instance["waitingActivities"]!.AsArray())}], "
                            + $"incident {instance["incident"]?.ToJsonString()}{Environment.NewLine}{server.Output()}");
                    }
                }

                await Task.Delay(100, cancellationToken);
            }
        }

        /// <summary>Waits until the server's CPU time grows by less than 3% of a core over half a second.</summary>
        private async Task SettleAsync(CancellationToken cancellationToken)
        {
            var last = server.CpuSeconds();
            for (var i = 0; i < 120; i++)
            {
                await Task.Delay(500, cancellationToken);
                var now = server.CpuSeconds();
                if (now - last < 0.015)
                {
                    return;
                }

                last = now;
            }
        }

        /// <summary>One of the simulator's per-operation counts: calls, throttled or maxConcurrent (0 where it has none).</summary>
        private async Task<Dictionary<string, long>> AwsCountsAsync(string count, CancellationToken cancellationToken)
        {
            var counters = (await GetJsonAsync(sim, "sim/aws/_control/counters", cancellationToken)).AsObject();
            return counters.ToDictionary(c => c.Key, c => c.Value![count]?.GetValue<long>() ?? 0, StringComparer.Ordinal);
        }

        private async Task<Dictionary<string, long>> DeskCountsAsync(CancellationToken cancellationToken)
        {
            var counts = (await GetJsonAsync(sim, "sim/servicenow/_control/requests", cancellationToken))["counts"]!.AsObject();
            return counts.ToDictionary(c => c.Key, c => (long)c.Value!.GetValue<int>(), StringComparer.Ordinal);
        }

        private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, CancellationToken cancellationToken)
        {
            using var response = await client.GetAsync(path, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? JsonNode.Parse(text) ?? throw new InvalidOperationException($"GET {path} returned null.")
                : throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"GET {path}: {(int)response.StatusCode} {text}"));
        }
    }
}
