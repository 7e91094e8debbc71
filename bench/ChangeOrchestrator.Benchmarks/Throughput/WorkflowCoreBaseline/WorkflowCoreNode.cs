using System.Collections.Concurrent;
using ChangeOrchestrator.Benchmarks.Running;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;

namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>
/// A WorkflowCore host with its defaults (in-memory persistence, single-node queue and locks, no log output). Each
/// starter starts an instance and waits for that instance's <c>WorkflowCompleted</c> before starting the next, as each
/// of the engine's starters waits for its instance to complete and commit: start → completion per instance, not the
/// rate at which instances can be enqueued.
/// </summary>
internal sealed class WorkflowCoreNode : IDisposable
{
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(2);

    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;

    // Keyed by instance id from either side: the completion may be announced before StartWorkflow has returned the id.
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _completions = new(StringComparer.Ordinal);

    public WorkflowCoreNode()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflow();
        _services = services.BuildServiceProvider();
        _host = _services.GetRequiredService<IWorkflowHost>();
        _host.RegisterWorkflow<TenStepWorkflow, TenStepData>();
        _host.OnLifeCycleEvent += OnLifeCycleEvent;
        _host.Start();
    }

    /// <summary>Runs <paramref name="count"/> instances from <paramref name="concurrency"/> starters, each start to completion.</summary>
    /// <exception cref="TimeoutException">An instance did not complete in time.</exception>
    public async Task<TimeSpan> RunAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        string? lastId = null;
        var elapsed = await ConcurrentLoad.RunAsync(count, concurrency, async (_, ct) =>
        {
            var id = await _host.StartWorkflow(TenStepWorkflow.DefinitionId, 1, TenStepData.Sample());
            await Completion(id).Task.WaitAsync(CompletionTimeout, ct);
            _completions.TryRemove(id, out TaskCompletionSource? _);
            lastId = id;
        }, cancellationToken);

        await EnsureCompletedAsync(lastId!);
        return elapsed;
    }

    public void Dispose()
    {
        _host.OnLifeCycleEvent -= OnLifeCycleEvent;
        _host.Stop();
        _services.Dispose();
    }

    private TaskCompletionSource Completion(string id) =>
        _completions.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

    private void OnLifeCycleEvent(LifeCycleEvent evt)
    {
        if (evt is WorkflowCompleted)
        {
            Completion(evt.WorkflowInstanceId).TrySetResult();
        }
    }

    private async Task EnsureCompletedAsync(string id)
    {
        var instance = await _host.PersistenceStore.GetWorkflowInstance(id);
        if (instance.Data is not TenStepData { Total: 70 })
        {
            throw new InvalidOperationException(
                $"WorkflowCore instance {id} ended {instance.Status} with total {(instance.Data as TenStepData)?.Total}; expected 70.");
        }
    }
}
