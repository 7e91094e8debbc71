using System.Diagnostics;
using ChangeOrchestrator.Benchmarks.Running;
using Microsoft.Extensions.DependencyInjection;
using WorkflowCore.Interface;
using WorkflowCore.Models.LifeCycleEvents;

namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>
/// A WorkflowCore host with its defaults (in-memory persistence, single-node queue and locks, no log output),
/// timed from the first start to the last completion it announces.
/// </summary>
internal sealed class WorkflowCoreNode : IDisposable
{
    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(2);

    private readonly ServiceProvider _services;
    private readonly IWorkflowHost _host;
    private TaskCompletionSource _allCompleted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _expected;
    private int _completed;

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

    /// <summary>Starts <paramref name="count"/> instances from <paramref name="concurrency"/> starters and waits until all completed.</summary>
    /// <exception cref="TimeoutException">Not all instances completed in time.</exception>
    public async Task<TimeSpan> RunAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        _allCompleted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _completed, 0);
        Volatile.Write(ref _expected, count);
        string? lastId = null;
        var started = Stopwatch.GetTimestamp();
        await ConcurrentLoad.RunAsync(count, concurrency, async (_, _) =>
        {
            lastId = await _host.StartWorkflow(TenStepWorkflow.DefinitionId, 1, TenStepData.Sample());
        }, cancellationToken);
        await _allCompleted.Task.WaitAsync(CompletionTimeout, cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(started);

        await EnsureCompletedAsync(lastId!);
        return elapsed;
    }

    public void Dispose()
    {
        _host.OnLifeCycleEvent -= OnLifeCycleEvent;
        _host.Stop();
        _services.Dispose();
    }

    private void OnLifeCycleEvent(LifeCycleEvent evt)
    {
        if (evt is WorkflowCompleted && Interlocked.Increment(ref _completed) == Volatile.Read(ref _expected))
        {
            _allCompleted.TrySetResult();
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
