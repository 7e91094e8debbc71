using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.IntegrationTests.Support.Database;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using ChangeOrchestrator.Simulators;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// The server on PostgreSQL running the repository's <c>workflows/patch-change.json</c>, its connectors talking
/// over HTTP to simulators that live outside it (so they survive when the server is killed). The server runs in the
/// test process, or as a child process a test can kill with SIGKILL and start again.
/// </summary>
public sealed class PatchChangeServer : IAsyncDisposable
{
    private readonly PostgresTestDatabase _database;
    private readonly WorkflowFolder _workflows;
    private readonly bool _asProcess;
    private TestServer? _inProcess;
    private ServerProcess? _process;

    private readonly IReadOnlyDictionary<string, string> _extraSettings;
    private readonly int _timeScale;

    private PatchChangeServer(
        SimulatorHost simulators, PostgresTestDatabase database, WorkflowFolder workflows, bool asProcess, int timeScale, IReadOnlyDictionary<string, string>? extraSettings)
    {
        _timeScale = timeScale;
        _extraSettings = extraSettings ?? new Dictionary<string, string>();
        Simulators = simulators;
        Desks = new DeskSimulators(simulators);
        Aws = new AwsSimulator(simulators);
        _database = database;
        _workflows = workflows;
        _asProcess = asProcess;
    }

    public SimulatorHost Simulators { get; }

    public DeskSimulators Desks { get; }

    public AwsSimulator Aws { get; }

    /// <summary>The server's database, for tests that check what is stored.</summary>
    public string DatabaseConnectionString => _database.ConnectionString;

    public HttpClient Client => _asProcess ? _process!.Client : _inProcess!.Client;

    /// <summary>Simulated seconds per real second: minutes of snapshots and installs take a fraction of a second.</summary>
    public static async Task<PatchChangeServer> StartAsync(
        int fleetSize = 40, int seed = 11, bool asProcess = false, int timeScale = 2000, IReadOnlyList<string>? workflowIds = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var simulators = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Clock:TimeScale"] = timeScale.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:FleetSize"] = fleetSize.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        });
        var database = await PostgresTestDatabase.CreateAsync();
        var workflows = new WorkflowFolder();
        foreach (var id in workflowIds ?? ["patch-change"])
        {
            workflows.With(id, File.ReadAllText(RepositoryFile("workflows", id + ".json")));
        }

        var server = new PatchChangeServer(simulators, database, workflows, asProcess, timeScale, settings);
        await server.StartServerAsync();
        return server;
    }

    public static string RepositoryFile(params string[] parts)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "ChangeOrchestrator.sln")))
            {
                return Path.Combine([folder.FullName, .. parts]);
            }
        }

        throw new InvalidOperationException($"No ChangeOrchestrator.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>
    /// The inputs of a change whose agreed window is open now, with polls and approval reads at the shortest the
    /// workflow accepts (a second) and the soak shortened to a fraction of one; <paramref name="overrides"/> replace or add inputs.
    /// </summary>
    public static JsonObject ChangeInput(string desk, string environment, IEnumerable<string> instanceIds, JsonObject? overrides = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var input = new JsonObject
        {
            ["desk"] = desk,
            ["patchGroup"] = environment,
            ["environment"] = environment,
            ["instanceIds"] = new JsonArray([.. instanceIds.Select(id => (JsonNode)id)]),
            ["windowStart"] = now.AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture),
            ["windowEnd"] = now.AddHours(4).ToString("O", CultureInfo.InvariantCulture),
            ["approvalPollInterval"] = "PT1S",
            ["pollInterval"] = "PT1S",
            ["maxPollInterval"] = "PT1S",
            ["soak"] = "PT0.3S",
            ["validationRetryInterval"] = "PT1S",
            ["canaryPercent"] = 25,
            ["maxConcurrency"] = "50%",
            ["maxErrors"] = "100%",
            ["failureThreshold"] = "0",
        };
        foreach (var (name, value) in overrides ?? [])
        {
            input[name] = value?.DeepClone();
        }

        return input;
    }

    /// <summary>Starts a patch change through the API, as an operator would; returns the instance id.</summary>
    public async Task<string> StartChangeAsync(JsonObject input)
    {
        using var response = await Client.PostAsJsonAsync("/api/instances", new JsonObject { ["definitionId"] = "patch-change", ["input"] = input });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"start: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    public async Task<JsonNode> InstanceAsync(string instanceId) =>
        JsonNode.Parse(await Client.GetStringAsync($"/api/instances/{instanceId}"))!;

    /// <summary>The whole journal, read page by page as a client of the API would.</summary>
    public async Task<List<JsonNode>> JournalAsync(string instanceId)
    {
        var entries = new List<JsonNode>();
        long? after = 0;
        while (after is { } from)
        {
            var page = JsonNode.Parse(await Client.GetStringAsync($"/api/instances/{instanceId}/journal?after={from}&limit=500"))!;
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            after = page["next"]?.GetValue<long>();
        }

        return entries;
    }

    /// <summary>The outcomes the activities completed with, in order: the path the change took.</summary>
    public async Task<List<string>> PathAsync(string instanceId) =>
        [.. (await JournalAsync(instanceId))
            .Where(e => e["type"]!.GetValue<string>() == "ActivityCompleted")
            .Select(e => $"{e["activityId"]!.GetValue<string>()}:{e["message"]?.GetValue<string>()}")];

    /// <summary>Polls the API until the instance satisfies <paramref name="condition"/>; bounded, never a timed assertion.</summary>
    public async Task<JsonNode> WaitUntilAsync(string instanceId, Func<JsonNode, bool> condition, int maxSeconds = 180)
    {
        var deadline = TimeProvider.System.GetUtcNow().AddSeconds(maxSeconds);
        JsonNode instance;
        do
        {
            instance = await InstanceAsync(instanceId);
            if (condition(instance))
            {
                return instance;
            }

            await Task.Delay(100);
        }
        while (TimeProvider.System.GetUtcNow() < deadline);

        throw new TimeoutException($"{instanceId} never reached the expected state; last: {instance.ToJsonString()}{Environment.NewLine}{await PathTextAsync(instanceId)}");
    }

    public Task<JsonNode> WaitForActivityAsync(string instanceId, string activityId) =>
        WaitUntilAsync(instanceId, i => i["waitingActivities"]!.AsArray().Any(a => a!.GetValue<string>() == activityId));

    public Task<JsonNode> WaitForEndAsync(string instanceId) =>
        WaitUntilAsync(instanceId, i => i["status"]!.GetValue<string>() is "Completed" or "Faulted" or "Cancelled");

    /// <summary>SIGKILL the server process and start a new one on the same database.</summary>
    public async Task KillAndRestartAsync()
    {
        if (!_asProcess)
        {
            throw new InvalidOperationException("Only a server started as a process can be killed.");
        }

        _process!.Kill();
        await _process.DisposeAsync();
        await StartServerAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_inProcess is not null)
        {
            await _inProcess.DisposeAsync();
        }

        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        Desks.Dispose();
        Aws.Dispose();
        await Simulators.DisposeAsync();
        await _database.DisposeAsync();
        _workflows.Dispose();
    }

    private async Task<string> PathTextAsync(string instanceId) => string.Join(" > ", await PathAsync(instanceId));

    private async Task StartServerAsync()
    {
        if (_asProcess)
        {
            _process = await ServerProcess.StartAsync(Settings().ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value));
        }
        else
        {
            _inProcess = await TestServer.StartAsync(_workflows.Path, Settings().ToDictionary(s => s.Key, s => (string?)s.Value));
        }
    }

    private Dictionary<string, string> Settings()
    {
        var settings = new Dictionary<string, string>
        {
            ["Persistence:Provider"] = "Postgres",
            ["ConnectionStrings:Postgres"] = _database.ConnectionString,
            ["Workflows:Folder"] = _workflows.Path,
            ["Sandbox:Enabled"] = "false",
            ["Runtime:TimerPollInterval"] = "00:00:00.050",
            ["AllowedValues:ChangeCalendars:0"] = "ChangeFreeze",

            // A killed node keeps its timer claims and instance leases until they run out: short here, minutes in production.
            ["Engine:TimerClaimDuration"] = "00:00:02",
            ["Engine:InstanceLeaseDuration"] = "00:00:02",

            // The simulated AWS lives timeScale times faster than the clock on the wall, and so do its API rates.
            ["Aws:RateLimitScale"] = _timeScale.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in SimulatorConnections.Settings(Simulators, Aws))
        {
            settings[key] = value;
        }

        foreach (var (key, value) in _extraSettings)
        {
            settings[key] = value;
        }

        return settings;
    }
}
