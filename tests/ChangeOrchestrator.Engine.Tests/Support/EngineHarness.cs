using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Persistence.InMemory;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>The engine wired as the server wires it, on in-memory stores and a fake clock.</summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly ServiceProvider _services;

    public EngineHarness(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton(SideEffects);
        services.AddWorkflowEngine();
        services.AddActivity<RecordSideEffect>().AddActivity<FlakyStep>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));

    public SideEffectLog SideEffects { get; } = new();

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public InMemoryWorkflowStore Store => _services.GetRequiredService<InMemoryWorkflowStore>();

    public WorkflowDefinitionLoader Loader => _services.GetRequiredService<WorkflowDefinitionLoader>();

    public ActivityCatalogue Catalogue => _services.GetRequiredService<ActivityCatalogue>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<WorkflowDefinition> PublishAsync(string json)
    {
        var result = await _services.GetRequiredService<DefinitionPublisher>().PublishAsync(json, "test.json", CancellationToken.None);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.Stored!.Definition;
    }

    public Task<WorkflowInstance> StartAsync(string definitionId, JsonObject? input = null, string? instanceId = null) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = input ?? [], InstanceId = instanceId }, CancellationToken.None);

    public Task<RaiseEventResult> RaiseAsync(string kind, string key, JsonNode? payload = null, string? stimulusId = null) =>
        Runtime.RaiseEventAsync(kind, key, payload, stimulusId, CancellationToken.None);

    /// <summary>Moves the clock and fires whatever timers became due, as the timer worker does.</summary>
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

    public async Task<WorkflowInstance> InstanceAsync(string id) =>
        await Store.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no instance {id}");

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        await Store.GetJournalAsync(id, 0, int.MaxValue, CancellationToken.None);

    public async Task<IReadOnlyList<StoredBookmark>> BookmarksAsync(string id) =>
        await ((IWorkflowInstanceStore)Store).GetBookmarksAsync(id, CancellationToken.None);

    public void Dispose() => _services.Dispose();
}
