using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Runtime;
using ChangeOrchestrator.Engine.Triggers;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Server.Workers;

/// <summary>
/// Starts the instances that the cron triggers of the published workflows call for. Every node runs it; the
/// instance id of an occurrence is the same on all of them, so an occurrence starts one instance however many nodes
/// see it, and a node that restarts finds it started.
/// </summary>
internal sealed partial class CronTriggerWorker(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    WorkflowRuntime runtime,
    IOptions<RuntimeWorkerOptions> options,
    TimeProvider time,
    ILogger<CronTriggerWorker> logger) : BackgroundService
{
    // Occurrences whose input the workflow refused: logged once, not at every tick until the next occurrence.
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CronCheckInterval, time);
        do
        {
            try
            {
                await StartDueAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, ex);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>
    /// Starts the latest due occurrence of every cron trigger; returns how many it started. Two nodes racing on one
    /// occurrence may both count it, but the runtime's start by instance id keeps it to one instance.
    /// </summary>
    internal async Task<int> StartDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var started = 0;
        foreach (var stored in await definitions.ListLatestAsync(cancellationToken))
        {
            var triggers = stored.Definition.Triggers;
            for (var i = 0; i < triggers.Count; i++)
            {
                if (CronOccurrence.Latest(stored.Definition.Id, i, triggers[i], stored.PublishedAt, now, options.Value.CronCatchUp) is not { } due)
                {
                    continue;
                }

                // Most ticks find the occurrence started already; the read spares them a start that would only find it.
                if (_refused.Contains(due.InstanceId) || await instances.FindAsync(due.InstanceId, cancellationToken) is not null)
                {
                    continue;
                }

                try
                {
                    var instance = await runtime.StartAsync(new StartWorkflowRequest
                    {
                        DefinitionId = due.DefinitionId,
                        InstanceId = due.InstanceId,
                        Input = due.Trigger.Input?.DeepClone().AsObject() ?? [],
                    }, cancellationToken);
                    started++;
                    LogStarted(logger, due.DefinitionId, due.At, instance.Id);
                }
                catch (InvalidWorkflowInputException refused)
                {
                    // The occurrence is refused for good: its input is fixed by the definition, so a retry would be refused too.
                    RememberRefused(due.InstanceId);
                    LogStartRefused(logger, due.DefinitionId, due.At, string.Join("; ", refused.Errors.Select(e => $"input.{e.Field}: {e.Message}")));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // One workflow's bad trigger input must not stop the others' schedules.
                    LogStartFailed(logger, due.DefinitionId, due.At, ex);
                }
            }
        }

        return started;
    }

    private void RememberRefused(string instanceId)
    {
        // Bounded: occurrence ids change with every occurrence, and a refusal logged again after a purge is harmless.
        if (_refused.Count >= 1000)
        {
            _refused.Clear();
        }

        _refused.Add(instanceId);
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "Cron trigger of {DefinitionId} due at {At:O} started instance {InstanceId}")]
    private static partial void LogStarted(ILogger logger, string definitionId, DateTimeOffset at, string instanceId);

    [LoggerMessage(EventId = 2112, Level = LogLevel.Error, Message = "Cron trigger of {DefinitionId} due at {At:O} could not start an instance")]
    private static partial void LogStartFailed(ILogger logger, string definitionId, DateTimeOffset at, Exception exception);

    [LoggerMessage(EventId = 2114, Level = LogLevel.Error, Message = "Cron trigger of {DefinitionId} due at {At:O} was refused; nothing was started: {Reasons}")]
    private static partial void LogStartRefused(ILogger logger, string definitionId, DateTimeOffset at, string reasons);

    [LoggerMessage(EventId = 2113, Level = LogLevel.Error, Message = "Checking cron triggers failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
