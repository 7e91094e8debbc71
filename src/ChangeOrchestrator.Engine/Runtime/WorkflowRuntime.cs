using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Starts, resumes, retries and cancels instances: loads state, runs one burst, commits it atomically, and delivers
/// stimuli that were waiting for the bookmarks the burst created.
/// </summary>
public sealed partial class WorkflowRuntime(
    IWorkflowDefinitionStore definitions,
    IWorkflowInstanceStore instances,
    IStimulusBuffer stimuli,
    ITimerClaims timers,
    IInstanceLeases leases,
    FlowchartInterpreter interpreter,
    WorkflowInputBinder inputBinder,
    TimeProvider time,
    IOptions<EngineOptions> options,
    ILogger<WorkflowRuntime> logger)
{
    private static readonly TimeSpan LeasePollInterval = TimeSpan.FromMilliseconds(50);

    private readonly InstanceLocks _locks = new();

    public async Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        var stored = await definitions.FindAsync(request.DefinitionId, request.Version, cancellationToken)
            ?? throw new WorkflowNotFoundException(request.Version is { } v
                ? $"Workflow '{request.DefinitionId}' has no version {v}."
                : $"Workflow '{request.DefinitionId}' does not exist.");
        var definition = stored.Definition;
        var input = await inputBinder.BindAsync(definition, request.Input, cancellationToken);
        var instanceId = request.InstanceId ?? NewId();

        BurstResult burst;
        using (await _locks.AcquireAsync(instanceId, cancellationToken))
        {
            // Only a caller-chosen id can name an instance that exists: a generated one is a new version-7 GUID, and the
            // commit's conflict handling below would still answer the impossible collision. Skipping the read saves a
            // database round trip on every start.
            if (request.InstanceId is not null && await instances.FindAsync(instanceId, cancellationToken) is { } existing)
            {
                return existing;
            }

            var now = time.GetUtcNow();
            var instance = new WorkflowInstance
            {
                Id = instanceId,
                DefinitionId = definition.Id,
                DefinitionVersion = definition.Version,
                CorrelationId = request.CorrelationId,
                Input = input,
                Variables = InitialVariables(definition),
                CreatedAt = now,
                UpdatedAt = now,
            };
            burst = await interpreter.RunAsync(definition, instance, [], BurstTrigger.Start, cancellationToken);
            try
            {
                await instances.CommitAsync(new BurstCommit(burst, ExpectedVersion: null, []), cancellationToken);
            }
            catch (ConcurrencyConflictException)
            {
                // Another node started the same instance id first: the start is idempotent, theirs stands.
                return await instances.FindAsync(instanceId, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance '{instanceId}' conflicted on start but is not stored.");
            }
        }

        // Outside the lock: delivering a buffered stimulus resumes this same instance.
        return await DeliverPendingAsync(burst, cancellationToken)
            ? await instances.FindAsync(instanceId, cancellationToken) ?? burst.Instance
            : burst.Instance;
    }

    /// <summary>Resumes every bookmark of the stimulus's kind and key, or keeps the stimulus until one exists.</summary>
    public async Task<RaiseEventResult> RaiseEventAsync(string kind, string key, JsonNode? payload, string? stimulusId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var stimulus = new Stimulus(stimulusId ?? NewId(), kind, key, payload?.DeepClone(), now);
        if (stimulusId is not null && !await stimuli.TryMarkSeenAsync(stimulusId, now + options.Value.PendingStimulusTtl, cancellationToken))
        {
            return new RaiseEventResult(stimulus.Id, 0, Buffered: false, Duplicate: true);
        }

        var bookmarks = await instances.FindBookmarksAsync(kind, key, cancellationToken);
        if (bookmarks.Count == 0)
        {
            await stimuli.AddPendingAsync(stimulus, now + options.Value.PendingStimulusTtl, cancellationToken);

            // A bookmark committed between the lookup and the buffering would not have seen the stimulus: look again.
            var resumedLate = 0;
            foreach (var bookmark in await instances.FindBookmarksAsync(kind, key, cancellationToken))
            {
                if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, stimulus.Payload, [stimulus.Id], cancellationToken))
                {
                    resumedLate++;
                }
            }

            return new RaiseEventResult(stimulus.Id, resumedLate, Buffered: resumedLate == 0, Duplicate: false);
        }

        var resumed = 0;
        foreach (var bookmark in bookmarks)
        {
            if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, stimulus.Payload, [], cancellationToken))
            {
                resumed++;
            }
        }

        return new RaiseEventResult(stimulus.Id, resumed, Buffered: false, Duplicate: false);
    }

    /// <summary>
    /// Fires due timers (delays, retries, timeouts, polls) that this node claimed, so no two nodes fire one timer;
    /// returns how many instances it resumed.
    /// </summary>
    public async Task<int> ProcessDueTimersAsync(CancellationToken cancellationToken)
    {
        var owner = options.Value.NodeId;
        var due = await timers.ClaimDueAsync(owner, options.Value.TimerClaimDuration, options.Value.TimerBatchSize, cancellationToken);
        var fired = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var bookmark in due)
            {
                // A timer of an instance another node is running is handed back, not waited for.
                if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, null, [], cancellationToken, waitForLease: false))
                {
                    fired.Add(bookmark.Id);
                }
            }
        }
        finally
        {
            // Fired timers left with their bookmarks; the rest go back at once rather than when the claim runs out.
            await timers.ReleaseAsync(owner, due.Where(b => !fired.Contains(b.Id)).Select(b => b.Id).ToList(), CancellationToken.None);
        }

        return fired.Count;
    }

    /// <summary>Re-runs the activity of an incident, keeping everything that completed before it.</summary>
    public Task<WorkflowInstance> RetryAsync(string instanceId, CancellationToken cancellationToken) =>
        RunControlAsync(instanceId, BurstTrigger.RetryIncident, i => i.Incident is not null, "has no incident to retry", cancellationToken);

    /// <summary>Cancels an instance, running the definition's cancel path when it has one.</summary>
    public Task<WorkflowInstance> CancelAsync(string instanceId, CancellationToken cancellationToken) =>
        RunControlAsync(instanceId, BurstTrigger.Cancel, i => !i.IsFinished && !i.Cancelling, "is finished or already cancelling", cancellationToken);

    private async Task<WorkflowInstance> RunControlAsync(
        string instanceId, BurstTrigger trigger, Func<WorkflowInstance, bool> allowed, string refusal, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(instanceId, cancellationToken) is null)
        {
            throw new WorkflowNotFoundException($"Instance '{instanceId}' does not exist.");
        }

        BurstResult burst;
        await using (var entered = await EnterAsync(instanceId, wait: true, cancellationToken))
        {
            if (entered is null)
            {
                throw new InstanceStateException($"Instance '{instanceId}' is running on another node; try again.");
            }

            for (var round = 0; ; round++)
            {
                var instance = await instances.FindAsync(instanceId, cancellationToken)
                    ?? throw new WorkflowNotFoundException($"Instance '{instanceId}' does not exist.");
                if (!allowed(instance))
                {
                    throw new InstanceStateException($"Instance '{instanceId}' ({instance.Status}) {refusal}.");
                }

                burst = await RunBurstAsync(instance, trigger, cancellationToken);
                if (await TryCommitAsync(burst, instance.Version, [], round, cancellationToken))
                {
                    break;
                }
            }
        }

        return await DeliverPendingAsync(burst, cancellationToken)
            ? await instances.FindAsync(instanceId, cancellationToken) ?? burst.Instance
            : burst.Instance;
    }

    private async Task<bool> ResumeAsync(
        string instanceId, string bookmarkId, JsonNode? payload, IReadOnlyList<string> consumedStimuli, CancellationToken cancellationToken, bool waitForLease = true)
    {
        BurstResult burst;
        await using (var entered = await EnterAsync(instanceId, waitForLease, cancellationToken))
        {
            if (entered is null)
            {
                return false;
            }

            for (var round = 0; ; round++)
            {
                var instance = await instances.FindAsync(instanceId, cancellationToken);
                if (instance is null || instance.IsFinished || instance.Status == InstanceStatus.Faulted)
                {
                    return false;
                }

                var bookmark = (await instances.GetBookmarksAsync(instanceId, cancellationToken)).FirstOrDefault(b => b.Id == bookmarkId);
                if (bookmark is null)
                {
                    return false;
                }

                burst = await RunBurstAsync(instance, BurstTrigger.Resume(bookmark, payload), cancellationToken);
                try
                {
                    if (await TryCommitAsync(burst, instance.Version, consumedStimuli, round, cancellationToken))
                    {
                        break;
                    }
                }
                catch (ConcurrencyConflictException) when (consumedStimuli.Count > 0)
                {
                    return false;
                }
            }
        }

        await DeliverPendingAsync(burst, cancellationToken);
        return true;
    }

    /// <summary>
    /// Enters an instance for one burst: the in-process lock, then the instance lease that keeps every other node out
    /// (one node executes an instance at a time; the version check of the commit still fences a node whose lease ran out).
    /// Null when the lease could not be had (at once, or within the wait timeout).
    /// </summary>
    private async Task<InstanceEntry?> EnterAsync(string instanceId, bool wait, CancellationToken cancellationToken)
    {
        var local = await _locks.AcquireAsync(instanceId, cancellationToken);
        var owner = options.Value.NodeId;
        var attempts = wait ? Math.Max(1, (int)(options.Value.LeaseWaitTimeout / LeasePollInterval)) : 1;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            if (await leases.TryAcquireAsync(instanceId, owner, options.Value.InstanceLeaseDuration, cancellationToken))
            {
                return new InstanceEntry(local, leases, instanceId, owner);
            }

            if (attempt < attempts)
            {
                await Task.Delay(LeasePollInterval, time, cancellationToken);
            }
        }

        local.Dispose();
        return null;
    }

    private async Task<BurstResult> RunBurstAsync(WorkflowInstance instance, BurstTrigger trigger, CancellationToken cancellationToken)
    {
        var stored = await definitions.FindAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Instance '{instance.Id}' runs {instance.DefinitionId} v{instance.DefinitionVersion}, which is not stored.");
        var bookmarks = await instances.GetBookmarksAsync(instance.Id, cancellationToken);
        return await interpreter.RunAsync(stored.Definition, instance, bookmarks, trigger, cancellationToken);
    }

    /// <returns>False when another executor won the race and the burst must be re-run from the newer state.</returns>
    private async Task<bool> TryCommitAsync(BurstResult burst, long expectedVersion, IReadOnlyList<string> consumedStimuli, int round, CancellationToken cancellationToken)
    {
        try
        {
            await instances.CommitAsync(new BurstCommit(burst, expectedVersion, consumedStimuli), cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException ex) when (round < options.Value.MaxConcurrencyRetries && consumedStimuli.Count == 0)
        {
            LogConflict(logger, burst.Instance.Id, round + 1, ex.Message);
            return false;
        }
    }

    /// <summary>
    /// Stimuli that arrived before the bookmarks this burst created are delivered now, each to one bookmark.
    /// </summary>
    /// <returns>Whether any was delivered (the instance moved on past the burst's result).</returns>
    private async Task<bool> DeliverPendingAsync(BurstResult burst, CancellationToken cancellationToken)
    {
        var delivered = false;
        foreach (var bookmark in burst.AddedBookmarks.Where(b => !b.Bookmark.IsTimer))
        {
            foreach (var pending in await stimuli.FindPendingAsync(bookmark.Bookmark.Kind, bookmark.Bookmark.Key, cancellationToken))
            {
                if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, pending.Payload, [pending.Id], cancellationToken))
                {
                    delivered = true;
                    break;
                }
            }
        }

        return delivered;
    }

    private static JsonObject InitialVariables(Definitions.WorkflowDefinition definition)
    {
        var variables = new JsonObject();
        foreach (var variable in definition.Variables)
        {
            variables[variable.Name] = variable.Default?.DeepClone();
        }

        return variables;
    }

    private string NewId() => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Instance {InstanceId}: burst lost a race (round {Round}), re-running: {Reason}")]
    private static partial void LogConflict(ILogger logger, string instanceId, int round, string reason);
}
