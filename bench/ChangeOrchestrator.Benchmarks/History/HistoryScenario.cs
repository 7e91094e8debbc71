using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Benchmarks.Running;

namespace ChangeOrchestrator.Benchmarks.History;

/// <summary>
/// Reading history as it grows: the instance list (a keyset page, first and halfway down) and one instance's journal,
/// through the real server over HTTP, with 1,000 to 100,000 completed instances stored; and the server's memory after
/// paging through the list. Latency and memory should not depend on how many instances are stored.
/// </summary>
internal sealed class HistoryScenario(BenchSizes sizes, string? postgresServer) : IScenario, IAsyncDisposable
{
    private const int PageSize = 50;
    private const int WarmUpCalls = 20;
    private const string ApiKey = "bench-history-viewer-key";

    private readonly List<HistoryDatabase> _databases = [];

    public string Name => "history";

    public string Title => "History: listing instances and reading a journal as stored instances grow";

    public string Description =>
        $"With n completed instances of the throughput flow stored in PostgreSQL (22 journal entries each), a server process "
        + $"answers `GET /api/instances?limit={PageSize}` (`list-first`), the same page halfway down the list through the keyset cursor "
        + $"`after` (`list-deep`) and `GET /api/instances/{{id}}/journal` (`journal`), {sizes.HistoryCalls} times each in a row; `p50` and "
        + $"`p95` are the client's times for whole calls. `memory` is read after {sizes.HistoryListCalls} more list calls that page through "
        + "the list by its `next` cursor: the server's working set, and its GC heap after a forced full collection. "
        + "`flatness.*` is a figure at the smallest size over the same figure at the largest: 1 is flat, 0.5 means twice as slow or big.";

    public IReadOnlyList<string> Notes =>
    [
        "The seeded databases are built once per run (one instance run by the engine, the rest copies of its rows under new version-7 ids, then VACUUM ANALYZE) and shared by the repetitions; each repetition starts a new server process on each.",
        "The server is ChangeOrchestrator.Server.dll started with dotnet as in production (server GC), API-key auth, the sandbox off; the client runs in the benchmark process, one call at a time.",
        "The GC heap is read from outside the process, as dotnet-gcdump does: an EventPipe session that asks for the heap forces a full blocking collection.",
        "Not measured: lists filtered by `status` or `definitionId`. No index holds those rows in id order, so PostgreSQL either walks the primary key backwards past rows of other statuses or sorts every row of the status; such a page costs in proportion to those rows, not to the page. An index on (status, id), and one on (definition_id, id), would make them keyset reads as well.",
    ];

    public IReadOnlyList<Target> Targets => postgresServer is null ? [] :
    [
        new($"list-first p50 at {Label(sizes.HistorySizes[^1])} within 1.5× of {Label(sizes.HistorySizes[0])}", "flatness.list-first.p50", 1 / 1.5),
        new($"list-deep p50 at {Label(sizes.HistorySizes[^1])} within 1.5× of {Label(sizes.HistorySizes[0])}", "flatness.list-deep.p50", 1 / 1.5),
        new($"journal p50 at {Label(sizes.HistorySizes[^1])} within 1.5× of {Label(sizes.HistorySizes[0])}", "flatness.journal.p50", 1 / 1.5),
        new($"server GC heap after paging at {Label(sizes.HistorySizes[^1])} within 1.5× of {Label(sizes.HistorySizes[0])}", "flatness.memory.gc-heap", 1 / 1.5),
    ];

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (postgresServer is null)
        {
            return [];
        }

        if (_databases.Count == 0)
        {
            foreach (var size in sizes.HistorySizes)
            {
                _databases.Add(await HistoryDatabase.SeedAsync(postgresServer, size, cancellationToken));
            }
        }

        var figures = new List<Figure>();
        foreach (var database in _databases)
        {
            figures.AddRange(await MeasureAsync(database, cancellationToken));
        }

        figures.AddRange(Flatness(figures));
        return figures;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            await database.DisposeAsync();
        }

        _databases.Clear();
    }

    private async Task<IReadOnlyList<Figure>> MeasureAsync(HistoryDatabase database, CancellationToken cancellationToken)
    {
        // The server only reads the seeded instances, so its workflows folder stays empty.
        var workflows = Directory.CreateTempSubdirectory("co-bench-workflows-").FullName;
        try
        {
            // The database is seeded with its schema already; a viewer key is all that reading history needs.
            var environment = new Dictionary<string, string>(
                ServerEnvironment.Postgres(database.ConnectionString, workflows, keyName: "bench-viewer", ApiKey, role: "Viewer"))
            {
                ["Persistence__MigrateOnStartup"] = "false",
            };
            await using var server = await ChildProcess.StartAsync(ServerEnvironment.Dll, environment, ServerEnvironment.ReadyPath, cancellationToken);
            using var client = ServerEnvironment.Client(server.Address, ApiKey, TimeSpan.FromSeconds(60));
            return await MeasureAsync(database, server, client, cancellationToken);
        }
        finally
        {
            Directory.Delete(workflows, recursive: true);
        }
    }

    private async Task<IReadOnlyList<Figure>> MeasureAsync(
        HistoryDatabase database, ChildProcess server, HttpClient client, CancellationToken cancellationToken)
    {
        var queries = new (string Name, string Path, int Items)[]
        {
            ("list-first", $"api/instances?limit={PageSize}", PageSize),
            ("list-deep", $"api/instances?limit={PageSize}&after={database.DeepCursor}", PageSize),
            ("journal", $"api/instances/{database.JournalInstanceId}/journal", 22),
        };
        foreach (var (_, path, items) in queries)
        {
            await EnsureItemsAsync(client, path, items, cancellationToken);
            for (var i = 0; i < WarmUpCalls; i++)
            {
                await CallAsync(client, path, cancellationToken);
            }
        }

        var size = Label(database.Instances);
        var figures = new List<Figure>();
        foreach (var (name, path, _) in queries)
        {
            var times = new List<double>(sizes.HistoryCalls);
            for (var i = 0; i < sizes.HistoryCalls; i++)
            {
                times.Add(await CallAsync(client, path, cancellationToken));
            }

            figures.Add(new Figure($"{name}.{size}.p50", "ms", Statistics.Percentile(times, 50)));
            figures.Add(new Figure($"{name}.{size}.p95", "ms", Statistics.Percentile(times, 95)));
        }

        await PageThroughAsync(client, sizes.HistoryListCalls, cancellationToken);
        var (workingSet, gcHeap) = await ServerMemory.ReadAsync(server, cancellationToken);
        figures.Add(new Figure($"memory.{size}.working-set", "MiB", workingSet));
        figures.Add(new Figure($"memory.{size}.gc-heap", "MiB", gcHeap));
        return figures;
    }

    private IEnumerable<Figure> Flatness(IReadOnlyList<Figure> figures)
    {
        double? Value(string name) => figures.FirstOrDefault(f => f.Name == name)?.Value;

        var smallest = Label(sizes.HistorySizes[0]);
        var largest = Label(sizes.HistorySizes[^1]);
        string[] names = ["list-first.{0}.p50", "list-deep.{0}.p50", "journal.{0}.p50", "memory.{0}.gc-heap", "memory.{0}.working-set"];
        foreach (var pattern in names)
        {
            if (Value(string.Format(null, pattern, smallest)) is { } small && Value(string.Format(null, pattern, largest)) is { } large)
            {
                yield return new Figure("flatness." + string.Format(null, pattern, string.Empty).Replace("..", ".", StringComparison.Ordinal), "×", small / large);
            }
        }
    }

    /// <summary>List calls that follow the <c>next</c> cursor, starting again from the top at the end of the list.</summary>
    private static async Task PageThroughAsync(HttpClient client, int calls, CancellationToken cancellationToken)
    {
        string? after = null;
        for (var i = 0; i < calls; i++)
        {
            var path = after is null ? $"api/instances?limit={PageSize}" : $"api/instances?limit={PageSize}&after={after}";
            var page = await GetJsonAsync(client, path, cancellationToken);
            after = page["next"]?.GetValue<string>();
        }
    }

    /// <returns>Milliseconds from sending the request to having read the whole response.</returns>
    private static async Task<double> CallAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        return elapsed.TotalMilliseconds;
    }

    private static async Task EnsureItemsAsync(HttpClient client, string path, int expected, CancellationToken cancellationToken)
    {
        var count = (await GetJsonAsync(client, path, cancellationToken))["items"]?.AsArray().Count;
        if (count != expected)
        {
            throw new InvalidOperationException($"GET {path} returned {count} items, expected {expected}.");
        }
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient client, string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(path, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? JsonNode.Parse(text) ?? throw new InvalidOperationException($"GET {path} returned null.")
            : throw new InvalidOperationException($"GET {path}: {(int)response.StatusCode} {text}");
    }

    private static string Label(int instances) => instances >= 1_000 ? $"{instances / 1_000}k" : $"{instances}";
}
