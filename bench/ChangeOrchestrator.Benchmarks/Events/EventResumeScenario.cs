using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Resume;
using ChangeOrchestrator.Benchmarks.Running;
using ChangeOrchestrator.Benchmarks.Storage;

namespace ChangeOrchestrator.Benchmarks.Events;

/// <summary>
/// Resume latency as a caller and the database see it: events posted to the real server process over loopback HTTP
/// (<c>POST /api/events/{kind}/{key}</c> with an API key and an <c>Idempotency-Key</c>), open loop at fixed rates,
/// each timed from the moment it was due until the commit of the activity after the wait is visible in PostgreSQL.
/// </summary>
internal sealed class EventResumeScenario(BenchSizes sizes, string? postgresServer) : IScenario, ISelfRepeatingScenario
{
    /// <summary>The latency a rate's p99 must stay under for the rate to count as held.</summary>
    public const double P99LimitMs = 50;

    private const string DefinitionId = "bench-event-resume";
    private const string Kind = "bench-go";
    private const string NextActivity = "next";
    private const string ApiKey = "bench-events-operator-key";
    private const int StartConcurrency = 8;

    /// <summary>The rate of the warm-up cycles: the target's.</summary>
    private const int WarmUpRate = 500;

    /// <summary>A warm-up cycle during which the server compiled at most this many methods ends the warm-up.</summary>
    private const int QuietCycleMethods = 100;

    private const int MostWarmUpCycles = 8;

    private const string Workflow = """
        {
          "id": "bench-event-resume",
          "name": "Wait for an event, then go on",
          "inputs": [ { "name": "key", "type": "string", "required": true } ],
          "activities": [
            { "id": "wait", "type": "WaitForEvent", "inputs": { "kind": "bench-go", "key": { "js": "input.key" } } },
            { "id": "next", "type": "Log", "inputs": { "message": "resumed" } }
          ],
          "connections": [ { "from": "wait", "outcome": "Received", "to": "next" } ]
        }
        """;

    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(60);

    public string Name => "events";

    /// <summary>Each run starts its own server and warms it (minutes at full size): at most three runs.</summary>
    public int Repetitions => Math.Min(sizes.Repetitions, 3);

    /// <summary>An unmeasured run would warm a server that the next run does not use.</summary>
    public bool WarmUp => false;

    public string Title => "Resume end to end: events over HTTP until the next activity's commit is visible";

    public string Description =>
        $"For each offered rate r, r × {sizes.ResumeWindow.TotalSeconds:0.#} instances wait on WaitForEvent in the real server process; then one "
        + $"`POST /api/events/{Kind}/{{key}}` per instance, with an API key (`X-Api-Key`, Operator) and a unique `Idempotency-Key`, is sent "
        + "over loopback HTTP at r events/s, open loop (each event goes out when due, however many are still in flight). Latency runs from the "
        + "moment an event was due until the commit of the activity after the wait is visible in PostgreSQL (a trigger on the journal "
        + "records the instance in a side table in the same transaction, and the benchmark drains that table every millisecond, so a commit is "
        + "seen at most a poll and a query late, never early; not LISTEN/NOTIFY, whose commits PostgreSQL serializes). "
        + $"`r<rate>.answer.p99` is the HTTP call's own p99, due to answer. `highest-under-{P99LimitMs:0}ms` is the highest offered rate whose p99 stayed under {P99LimitMs:0} ms.";

    public IReadOnlyList<string> Notes =>
    [
        "The server is ChangeOrchestrator.Server.dll started with dotnet (Production, server GC, API-key authentication, the sandbox off), one node, a fresh database per repetition; the sender and the listener run in the benchmark process on the same cores.",
        "Each event is authenticated, audited (`event.raise`), recorded as a seen stimulus under its idempotency key, and resumes its instance in one burst before the call answers.",
        $"Warm-up, unmeasured: {WarmUpCycleNote}",
    ];

    private string WarmUpCycleNote =>
        $"a slow start (events at 50/s) that opens the connections, then cycles of {WarmUpRate} events/s held for {sizes.ResumeWindow.TotalSeconds:0.#} s "
        + $"until a cycle finds the server compiling at most {QuietCycleMethods} methods (its JIT's method-load events, read through its event pipe; "
        + $"at most {MostWarmUpCycles} cycles; `warm-up.cycles`, `warm-up.jit-last-cycle`). A new server recompiles its hot paths in the background "
        + "for its first minute or so of load, on the same two cores, and the first rates measured would pay for it. `cold.r500.*` is the first cycle: "
        + $"{WarmUpRate} events/s on a server that has served only the slow start, as the first burst after a node starts meets it.";

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        new($"end-to-end resume p99 < {P99LimitMs:0} ms at 500 events/s (figure: {P99LimitMs:0} ms ÷ p99)", "headroom.r500.p99", 1),
    ];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        await using var database = await PostgresBenchDatabase.CreateAsync(postgresServer, cancellationToken);
        var workflows = Directory.CreateTempSubdirectory("co-bench-events-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(workflows, DefinitionId + ".json"), Workflow, cancellationToken);
            var environment = ServerEnvironment.Postgres(database.ConnectionString, workflows, keyName: "bench-events", ApiKey, role: "Operator");
            await using var server = await ChildProcess.StartAsync(ServerEnvironment.Dll, environment, ServerEnvironment.ReadyPath, cancellationToken);
            await using var listener = await CommitListener.StartAsync(database.ConnectionString, NextActivity, cancellationToken);
            using var client = ServerEnvironment.Client(server.Address, ApiKey, TimeSpan.FromSeconds(60));

            await MeasureRateAsync(client, listener, "warmup", 50, sizes.WarmUp, cancellationToken);
            var figures = new List<Figure>(await WarmUpAsync(server, client, listener, cancellationToken));
            var highest = 0;
            foreach (var rate in sizes.ResumeRates)
            {
                var (outcome, answers) = await MeasureRateAsync(client, listener, $"r{rate}", rate, (int)(rate * sizes.ResumeWindow.TotalSeconds), cancellationToken);
                figures.AddRange(outcome.ToFigures("").Select(f => f with { Name = f.Name.TrimStart('.') }));
                figures.Add(new Figure($"r{rate}.answer.p99", "ms", Statistics.Percentile(answers, 99)));
                if (rate == 500)
                {
                    figures.Add(new Figure("headroom.r500.p99", "×", P99LimitMs / outcome.P99));
                }

                if (outcome.P99 < P99LimitMs)
                {
                    highest = rate;
                }
            }

            figures.Add(new Figure($"highest-under-{P99LimitMs:0}ms", "events/s", highest));
            return figures;
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    /// <summary>
    /// Unmeasured cycles at <see cref="WarmUpRate"/> until one finds the server compiling at most
    /// <see cref="QuietCycleMethods"/> methods, or <see cref="MostWarmUpCycles"/> cycles: the rates are then measured on
    /// a server whose hot paths are compiled, as a node that has run for a while has them. The first cycle is reported
    /// as the cold figures.
    /// </summary>
    private async Task<IReadOnlyList<Figure>> WarmUpAsync(ChildProcess server, HttpClient client, CommitListener listener, CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        var (cycle, compiled) = await JitActivity.WarmUpAsync(server, QuietCycleMethods, MostWarmUpCycles, async number =>
        {
            var (outcome, _) = await MeasureRateAsync(client, listener, $"warmup-{number}", WarmUpRate, (int)(WarmUpRate * sizes.ResumeWindow.TotalSeconds), cancellationToken);
            if (number == 0)
            {
                figures.AddRange(outcome.ToFigures("cold").Where(f => !f.Name.EndsWith(".growth", StringComparison.Ordinal)));
            }
        }, compiled: null, cancellationToken);

        figures.Add(new Figure("warm-up.cycles", "cycles", cycle));
        figures.Add(new Figure("warm-up.jit-last-cycle", "methods", compiled));
        return figures;
    }

    private static async Task<(RateOutcome Outcome, double[] Answers)> MeasureRateAsync(
        HttpClient client, CommitListener listener, string batch, int rate, int count, CancellationToken cancellationToken)
    {
        var keys = Enumerable.Range(0, count).Select(i => $"{batch}-{i}-{Guid.NewGuid():N}").ToArray();
        var instances = new string[count];
        await ConcurrentLoad.RunAsync(count, StartConcurrency, async (i, ct) =>
        {
            using var response = await client.PostAsJsonAsync("api/instances", new { definitionId = DefinitionId, input = new { key = keys[i] } }, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            instances[i] = response.StatusCode == HttpStatusCode.Created
                ? JsonNode.Parse(body)!["id"]!.GetValue<string>()
                : throw new InvalidOperationException($"Starting instance {i} answered {(int)response.StatusCode}: {body}");
        }, cancellationToken);

        listener.Await(instances);
        var (due, answered) = await SendOpenLoopAsync(client, keys, rate, cancellationToken);
        if (!await listener.WaitForAllAsync(instances, CommitWait, cancellationToken))
        {
            throw new InvalidOperationException($"Not every instance of {batch} committed its next activity within {CommitWait.TotalSeconds:0} s of its event.");
        }

        var committed = instances.Select(id => listener.TryGet(id, out var at) ? at : 0).ToArray();
        var answers = due.Select((d, i) => (answered[i] - d) * 1000.0 / Stopwatch.Frequency).ToArray();
        return (RateOutcome.From(rate, due, committed), answers);
    }

    /// <returns>Each event's due timestamp and the timestamp of its answer, in key order.</returns>
    /// <exception cref="InvalidOperationException">An event was not accepted or did not resume exactly one instance.</exception>
    private static async Task<(long[] Due, long[] Answered)> SendOpenLoopAsync(
        HttpClient client, IReadOnlyList<string> keys, int rate, CancellationToken cancellationToken)
    {
        var due = new long[keys.Count];
        var answered = new long[keys.Count];
        var calls = new Task[keys.Count];
        var period = (double)Stopwatch.Frequency / rate;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < keys.Count; i++)
        {
            due[i] = start + (long)(i * period);
            await OpenLoopRaiser.WaitUntilAsync(due[i], cancellationToken);
            var index = i;
            calls[i] = Task.Run(async () =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"api/events/{Kind}/{keys[index]}");
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                using var response = await client.SendAsync(request, cancellationToken);
                answered[index] = Stopwatch.GetTimestamp();
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.Accepted || JsonNode.Parse(body)?["resumed"]?.GetValue<int>() != 1)
                {
                    throw new InvalidOperationException($"Event for {keys[index]} answered {(int)response.StatusCode}: {body}; expected 202 resuming one instance.");
                }
            }, cancellationToken);
        }

        await Task.WhenAll(calls);
        return (due, answered);
    }
}
