using ChangeOrchestrator.Engine;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace ChangeOrchestrator.Benchmarks.Storage;

/// <summary>
/// The engine wired as the server wires it (no log output, the system clock) over one benchmark database: one
/// process's worth of workflow runtime.
/// </summary>
internal sealed class EngineNode : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private EngineNode(ServiceProvider services)
    {
        _services = services;
    }

    public WorkflowRuntime Runtime => _services.GetRequiredService<WorkflowRuntime>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public static async Task<EngineNode> CreateAsync(BenchDatabase database, Action<IServiceCollection>? configure, CancellationToken cancellationToken)
    {
        var services = new ServiceCollection();
        services.AddWorkflowEngine();
        if (database.CreateOptions() is { } persistence)
        {
            services.AddWorkflowPersistence(persistence);
        }

        configure?.Invoke(services);
        var node = new EngineNode(services.BuildServiceProvider());
        if (database.Kind != StoreKind.Memory)
        {
            await node._services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        }

        return node;
    }

    /// <exception cref="InvalidOperationException">The definition does not load.</exception>
    public async Task PublishAsync(string json, CancellationToken cancellationToken)
    {
        var result = await _services.GetRequiredService<DefinitionPublisher>().PublishAsync(json, "bench.json", cancellationToken);
        if (result.Errors.Count > 0)
        {
            throw new InvalidOperationException($"Benchmark workflow does not load: {string.Join("; ", result.Errors)}");
        }
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
