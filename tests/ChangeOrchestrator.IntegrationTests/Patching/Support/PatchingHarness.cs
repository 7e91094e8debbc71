using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors;
using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Persistence.InMemory;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Patching;
using ChangeOrchestrator.Patching.Calendar;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Snapshots;
using ChangeOrchestrator.Simulators;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Patching.Support;

/// <summary>
/// The real engine (in-memory stores, a fake clock) running the patching activities against the real connectors,
/// which talk over HTTP to the simulators on a loopback Kestrel port. The stores outlive <see cref="RestartAsync"/>,
/// which replaces the engine and the connectors as a restarted server would.
/// </summary>
public sealed class PatchingHarness : IAsyncDisposable
{
    /// <summary>Simulated seconds per real second: a patch run of minutes takes a fraction of a second.</summary>
    private const int TimeScale = 2000;

    private readonly InMemoryWorkflowStore _store;
    private readonly CommitLosingStore _commits;
    private readonly InMemoryWorkflowDefinitionStore _definitions = new();
    private readonly Action<IServiceCollection>? _engineServices;
    private ServiceProvider _connectors;
    private ServiceProvider _engine;

    private PatchingHarness(SimulatorHost simulators, FakeTimeProvider time, Action<IServiceCollection>? engineServices)
    {
        Time = time;
        _engineServices = engineServices;
        Simulators = simulators;
        Desks = new DeskSimulators(simulators);
        Aws = new AwsSimulator(simulators);
        _store = new InMemoryWorkflowStore(Time);
        _commits = new CommitLosingStore(_store);
        _connectors = BuildConnectors();
        _engine = BuildEngine(_connectors);
    }

    public static DateTimeOffset DefaultStart { get; } = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Time { get; }

    public SimulatorHost Simulators { get; }

    public DeskSimulators Desks { get; }

    public AwsSimulator Aws { get; }

    public WorkflowRuntime Runtime => _engine.GetRequiredService<WorkflowRuntime>();

    /// <summary>The engine's services, for composing a server part (a worker) on the same engine.</summary>
    public IServiceProvider Services => _engine;

    /// <summary>The simulators with a fleet of <paramref name="fleetSize"/> servers from <paramref name="seed"/>; <paramref name="engineServices"/> adds services to the engine (a compliance history on a test database).</summary>
    public static async Task<PatchingHarness> StartAsync(int fleetSize = 40, int seed = 11, Action<IServiceCollection>? engineServices = null)
    {
        var simulators = await SimulatorHost.StartAsync(new Dictionary<string, string?>
        {
            ["Simulators:Clock:TimeScale"] = TimeScale.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:FleetSize"] = fleetSize.ToString(CultureInfo.InvariantCulture),
            ["Simulators:Aws:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
        });
        return new PatchingHarness(simulators, new FakeTimeProvider(DefaultStart), engineServices);
    }

    /// <summary>
    /// The simulators on the engine's fake clock at real speed (time scale 1): nothing moves until the test moves the
    /// clock, so days and weeks of a simulated world pass in the time their requests take.
    /// </summary>
    public static async Task<PatchingHarness> StartOnSharedClockAsync(DateTimeOffset start, int fleetSize, int seed, Action<IServiceCollection>? engineServices = null)
    {
        var time = new FakeTimeProvider(start);
        var simulators = await SimulatorHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Simulators:Clock:TimeScale"] = "1",
                ["Simulators:Aws:FleetSize"] = fleetSize.ToString(CultureInfo.InvariantCulture),
                ["Simulators:Aws:Seed"] = seed.ToString(CultureInfo.InvariantCulture),
            },
            time);
        return new PatchingHarness(simulators, time, engineServices);
    }

    public async Task PublishAsync(string json)
    {
        var result = await _engine.GetRequiredService<DefinitionPublisher>().PublishAsync(json, "test.json", CancellationToken.None);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
    }

    public Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null, string? instanceId = null) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input ?? [], InstanceId = instanceId }, CancellationToken.None);

    public Task<RaiseEventResult> RaiseAsync(string kind, string key, JsonNode? payload) =>
        Runtime.RaiseEventAsync(kind, key, payload, null, CancellationToken.None);

    /// <summary>Moves the engine's clock and fires the timers that fell due, as the timer worker does.</summary>
    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        var resumed = 0;
        int fired;
        while ((fired = await Runtime.ProcessDueTimersAsync(CancellationToken.None)) > 0)
        {
            resumed += fired;
        }

        return resumed;
    }

    /// <summary>
    /// Fires the instance's poll timers, a <paramref name="step"/> of engine time per round, until it stops waiting;
    /// between rounds the simulators get a moment of real time to make progress. Bounded, never a timed assertion.
    /// </summary>
    public async Task<WorkflowInstance> RunWhileSuspendedAsync(string instanceId, TimeSpan step, int maxRounds = 600)
    {
        var instance = await InstanceAsync(instanceId);
        for (var round = 0; round < maxRounds && instance.Status == InstanceStatus.Suspended; round++)
        {
            await Task.Delay(20);
            await AdvanceAsync(step);
            instance = await InstanceAsync(instanceId);
        }

        return instance;
    }

    /// <summary>Fires timers as <see cref="RunWhileSuspendedAsync"/> does until the instance waits on a bookmark of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<StoredBookmark>> RunUntilWaitingForAsync(string instanceId, string kind, TimeSpan step, int maxRounds = 600)
    {
        var bookmarks = await BookmarksAsync(instanceId);
        for (var round = 0; round < maxRounds && !bookmarks.Any(b => b.Bookmark.Kind == kind); round++)
        {
            await Task.Delay(20);
            await AdvanceAsync(step);
            bookmarks = await BookmarksAsync(instanceId);
        }

        return bookmarks;
    }

    public async Task<WorkflowInstance> InstanceAsync(string instanceId) =>
        await _store.FindAsync(instanceId, CancellationToken.None) ?? throw new InvalidOperationException($"No instance {instanceId}.");

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string instanceId) =>
        await _store.GetJournalAsync(instanceId, 0, int.MaxValue, CancellationToken.None);

    public async Task<IReadOnlyList<StoredBookmark>> BookmarksAsync(string instanceId) =>
        await _store.GetBookmarksAsync(instanceId, CancellationToken.None);

    /// <summary>The outcome the activity last completed with, from the journal.</summary>
    public async Task<string?> OutcomeAsync(string instanceId, string activityId) =>
        (await JournalAsync(instanceId)).LastOrDefault(e => e.Type == JournalEntryType.ActivityCompleted && e.ActivityId == activityId)?.Message;

    public async Task<JsonNode> OutputAsync(string instanceId, string activityId) =>
        (await InstanceAsync(instanceId)).Steps[activityId] ?? throw new InvalidOperationException($"{activityId} has no output.");

    /// <summary>The next burst's commit is lost, as when the node dies after the side effects and before the commit.</summary>
    public void LoseNextCommit() => _commits.LoseNextCommit();

    /// <summary>A new engine and new connectors on the same stores: nothing of the old process survives but the database.</summary>
    public async Task RestartAsync()
    {
        await _engine.DisposeAsync();
        await _connectors.DisposeAsync();
        _connectors = BuildConnectors();
        _engine = BuildEngine(_connectors);
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        await _connectors.DisposeAsync();
        Desks.Dispose();
        Aws.Dispose();
        await Simulators.DisposeAsync();
    }

    /// <summary>
    /// The connectors live in their own container on the system clock: their retry back-offs and look-back windows
    /// run against the simulators' real time, while the engine's clock only moves when a test moves it.
    /// </summary>
    private ServiceProvider BuildConnectors()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(SimulatorConnections.Settings(Simulators, Aws).Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        return new ServiceCollection()
            .AddServiceDesks(configuration)
            .AddAwsFleet(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    private ServiceProvider BuildEngine(ServiceProvider connectors)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(_store);
        services.AddSingleton<IWorkflowInstanceStore>(_commits);
        services.AddSingleton<IWorkflowDefinitionStore>(_definitions);
        services.AddSingleton(connectors.GetRequiredService<IServiceDeskResolver>());
        services.AddSingleton(connectors.GetRequiredService<IPatchFleet>());
        services.AddSingleton(connectors.GetRequiredService<ISnapshotService>());
        services.AddSingleton(connectors.GetRequiredService<IChangeCalendar>());
        services.AddSingleton(connectors.GetRequiredService<IFleetCommands>());
        services.AddSingleton(connectors.GetRequiredService<ChangeOrchestrator.Patching.Policies.Planning.PatchPolicyService>());
        services.AddWorkflowEngine();
        services.AddPatchingActivities();
        _engineServices?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
