using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence;
using ChangeOrchestrator.Persistence.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// The engine and the durable stores wired as the server wires them, over a test database and a fake clock. A new
/// harness over the same database is a restarted node.
/// </summary>
internal sealed class PersistenceHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 11, 2, 8, 0, 0, 123, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public PersistenceHarness(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddWorkflowEngine();
        services.AddWorkflowPersistence(database.CreateOptions());
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public DateTimeOffset Now => Time.GetUtcNow();

    public IWorkflowInstanceStore Instances => Get<IWorkflowInstanceStore>();

    public IStimulusBuffer Stimuli => Get<IStimulusBuffer>();

    public IWorkflowDefinitionStore Definitions => Get<IWorkflowDefinitionStore>();

    public WorkflowRuntime Runtime => Get<WorkflowRuntime>();

    public DatabaseMigrator Migrator => Get<DatabaseMigrator>();

    public ITimerClaims TimerClaims => Get<ITimerClaims>();

    public IInstanceLeases Leases => Get<IInstanceLeases>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A context on the test database, for looking at rows the stores do not return.</summary>
    public Task<WorkflowDbContext> DbAsync() => Get<IDbContextFactory<WorkflowDbContext>>().CreateDbContextAsync();

    public async Task<StoredDefinition> PublishAsync(string json)
    {
        var result = await Get<DefinitionPublisher>().PublishAsync(json, "test.json", CancellationToken.None);
        Assert.True(result.Errors.Count == 0, string.Join(Environment.NewLine, result.Errors));
        return result.Stored!;
    }

    public Task<WorkflowInstance> StartAsync(string definitionId, string change) =>
        Runtime.StartAsync(new StartWorkflowRequest { DefinitionId = definitionId, Input = new() { ["change"] = change } }, CancellationToken.None);

    public async Task<WorkflowInstance> InstanceAsync(string id) =>
        await Instances.FindAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"no instance {id}");

    public Task<IReadOnlyList<JournalEntry>> JournalAsync(string id) =>
        Instances.GetJournalAsync(id, 0, int.MaxValue, CancellationToken.None);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
