using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Execution;
using ChangeOrchestrator.Engine.Faults;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Starts, resumes, retries and cancels instances: loads state, runs one burst, commits it atomically, and delivers
/// stimuli that were waiting for the bookmarks the burst created.
/// </summary>
public sealed partial class WorkflowRuntime
{
    // Each newer version found costs a start one more run; publishes racing a start this often mean something is wrong.
    private const int StaleDefinitionAttempts = 5;

    private readonly IWorkflowDefinitionStore _definitions;
    private readonly IWorkflowInstanceStore _instances;
    private readonly IStimulusBuffer _stimuli;
    private readonly ITimerClaims _timers;
    private readonly InstanceGate _gate;
    private readonly FlowchartInterpreter _interpreter;
    private readonly WorkflowInputBinder _inputBinder;
    private readonly IFaultPoints _faults;
    private readonly TimeProvider _time;
    private readonly IOptions<EngineOptions> _options;
    private readonly ILogger<WorkflowRuntime> _logger;
    private readonly IEventLookups? _eventLookups;

    internal WorkflowRuntime(
        IWorkflowDefinitionStore definitions,
        IWorkflowInstanceStore instances,
        IStimulusBuffer stimuli,
        ITimerClaims timers,
        InstanceGate gate,
        FlowchartInterpreter interpreter,
        WorkflowInputBinder inputBinder,
        IFaultPoints faults,
        TimeProvider time,
        IOptions<EngineOptions> options,
        ILogger<WorkflowRuntime> logger,
        IEventLookups? eventLookups)
    {
        _definitions = definitions;
        _instances = instances;
        _stimuli = stimuli;
        _timers = timers;
        _gate = gate;
        _interpreter = interpreter;
        _inputBinder = inputBinder;
        _faults = faults;
        _time = time;
        _options = options;
        _logger = logger;
        _eventLookups = eventLookups;
    }

    public async Task<WorkflowInstance> StartAsync(StartWorkflowRequest request, CancellationToken cancellationToken)
    {
        // Without a version, the latest as this node knows it, which saves every start a read of the version number.
        // Its commit refuses if another node has published a newer one since; the start then runs on that one.
        var stored = request.Version is null
            ? await _definitions.FindLatestKnownAsync(request.DefinitionId, cancellationToken)
            : await _definitions.FindAsync(request.DefinitionId, request.Version, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(request, stored ?? throw NotFound(request), cancellationToken);
            }
            catch (StaleDefinitionException) when (attempt < StaleDefinitionAttempts)
            {
                stored = await _definitions.FindAsync(request.DefinitionId, null, cancellationToken);
            }
        }
    }

    private static WorkflowNotFoundException NotFound(StartWorkflowRequest request) => new(request.Version is { } v
        ? $"Workflow '{request.DefinitionId}' has no version {v}."
        : $"Workflow '{request.DefinitionId}' does not exist.");

    private async Task<WorkflowInstance> StartOnAsync(StartWorkflowRequest request, StoredDefinition stored, CancellationToken cancellationToken)
    {
        var definition = stored.Definition;
        var input = await _inputBinder.BindAsync(definition, request.Input, cancellationToken);
        var instanceId = request.InstanceId ?? NewId();
        using var span = RuntimeMetrics.Traces.StartActivity("workflow.start");
        span?.SetTag("workflow.definition", definition.Id).SetTag("workflow.instance", instanceId);

        BurstResult burst;
        using (await _gate.LockAsync(instanceId, cancellationToken))
        {
            // Only a caller-chosen id can name an instance that exists: a generated one is a new version-7 GUID, and the
            // commit's conflict handling below would still answer the impossible collision. Skipping the read saves a
            // database round trip on every start.
            if (request.InstanceId is not null && await _instances.FindAsync(instanceId, cancellationToken) is { } existing)
            {
                return existing;
            }

            var now = _time.GetUtcNow();
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
            burst = await _interpreter.RunAsync(definition, instance, [], BurstTrigger.Start, cancellationToken);
            try
            {
                // The burst's instance is the interpreter's copy, owned here: it takes the version the store committed.
                var commit = new BurstCommit(burst, ExpectedVersion: null, [], RequiresLatestDefinition: request.Version is null);
                burst.Instance.Version = await _instances.CommitAsync(commit, cancellationToken);
                RuntimeMetrics.InstancesStarted.Add(1, new KeyValuePair<string, object?>("definition", definition.Id));
                CountOutcome(burst);
            }
            catch (ConcurrencyConflictException)
            {
                // Another node started the same instance id first: the start is idempotent, theirs stands.
                return await _instances.FindAsync(instanceId, cancellationToken)
                    ?? throw new InvalidOperationException($"Instance '{instanceId}' conflicted on start but is not stored.");
            }
        }

        // Outside the lock: delivering a buffered stimulus resumes this same instance.
        return await DeliverPendingAsync(burst, cancellationToken)
            ? await _instances.FindAsync(instanceId, cancellationToken) ?? burst.Instance
            : burst.Instance;
    }

    /// <summary>
    /// Resumes every bookmark of the stimulus's kind and key, or keeps the stimulus until one exists. A stimulus id
    /// counts as taken in only in the commit that applied it (the resume, or the buffering), so after any failure in
    /// between a retry with the same id applies it, and after success the retry is a duplicate.
    /// </summary>
    /// <exception cref="InstanceBusyException">A matching instance stayed held by another node; retry with the same id.</exception>
    public async Task<RaiseEventResult> RaiseEventAsync(string kind, string key, JsonNode? payload, string? stimulusId, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expiresAt = now + _options.Value.PendingStimulusTtl;
        var stimulus = new Stimulus(stimulusId ?? NewId(), kind, key, payload?.DeepClone(), now);
        var (seen, bookmarks) = await LookUpAsync(stimulusId, kind, key, cancellationToken);
        if (seen is not null)
        {
            return await RaiseAgainAsync(stimulus, seen, expiresAt, cancellationToken);
        }

        await _faults.ReachAsync(FaultPoint.StimulusReceived, cancellationToken);
        if (bookmarks.Count == 0)
        {
            if (!await _stimuli.AddPendingAsync(stimulus, expiresAt, cancellationToken))
            {
                // A concurrent delivery of the same id took effect first.
                return new RaiseEventResult(stimulus.Id, 0, Buffered: false, Duplicate: true);
            }

            // A bookmark committed between the lookup and the buffering would not have seen the stimulus: look again.
            var resumedLate = await DeliverBufferedAsync(stimulus, cancellationToken);
            return new RaiseEventResult(stimulus.Id, resumedLate, Buffered: resumedLate == 0, Duplicate: false);
        }

        var applied = stimulusId is null ? null : new AppliedStimulus(stimulusId, now, expiresAt);
        var resumed = await ResumeEachAsync(bookmarks, stimulus, applied, cancellationToken);

        // Every bookmark was gone by the time its burst committed: a concurrent delivery of the same id applied it.
        var duplicate = resumed == 0 && stimulusId is not null && await _stimuli.FindSeenAsync(stimulusId, cancellationToken) is not null;
        return new RaiseEventResult(stimulus.Id, resumed, Buffered: false, Duplicate: duplicate);
    }

    /// <summary>Whether the stimulus id took effect already and, unless it did, the bookmarks waiting: in one round trip where the store can.</summary>
    private async Task<EventLookup> LookUpAsync(string? stimulusId, string kind, string key, CancellationToken cancellationToken)
    {
        if (_eventLookups is not null)
        {
            return await _eventLookups.FindAsync(stimulusId, kind, key, cancellationToken);
        }

        if (stimulusId is not null && await _stimuli.FindSeenAsync(stimulusId, cancellationToken) is { } seen)
        {
            return new EventLookup(seen, []);
        }

        return new EventLookup(null, await _instances.FindBookmarksAsync(kind, key, cancellationToken));
    }

    /// <summary>
    /// A stimulus id that took effect before: its buffered copy, if it still waits, goes to a bookmark; otherwise only
    /// the bookmarks that existed when it first took effect and that it did not reach (a failure cut the first
    /// delivery short) are resumed. Everything else is a duplicate.
    /// </summary>
    private async Task<RaiseEventResult> RaiseAgainAsync(Stimulus stimulus, SeenStimulus seen, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var buffered = (await _stimuli.FindPendingAsync(stimulus.Kind, stimulus.Key, cancellationToken)).FirstOrDefault(p => p.Id == stimulus.Id);
        if (buffered is not null)
        {
            var delivered = await DeliverBufferedAsync(buffered, cancellationToken);
            return new RaiseEventResult(stimulus.Id, delivered, Buffered: delivered == 0, Duplicate: delivered == 0);
        }

        if (seen.FirstAppliedAt is not { } firstAppliedAt)
        {
            return new RaiseEventResult(stimulus.Id, 0, Buffered: false, Duplicate: true);
        }

        var missed = (await _instances.FindBookmarksAsync(stimulus.Kind, stimulus.Key, cancellationToken))
            .Where(b => b.CreatedAt < firstAppliedAt)
            .ToList();
        var resumed = missed.Count == 0
            ? 0
            : await ResumeEachAsync(missed, stimulus, new AppliedStimulus(stimulus.Id, firstAppliedAt, expiresAt), cancellationToken);
        return new RaiseEventResult(stimulus.Id, resumed, Buffered: false, Duplicate: resumed == 0);
    }

    /// <summary>Resumes each bookmark with the stimulus; an instance held elsewhere too long fails the call after the others are done.</summary>
    private async Task<int> ResumeEachAsync(IReadOnlyList<StoredBookmark> bookmarks, Stimulus stimulus, AppliedStimulus? applied, CancellationToken cancellationToken)
    {
        var resumed = 0;
        string? busy = null;
        foreach (var bookmark in bookmarks)
        {
            switch (await ResumeAsync(bookmark.InstanceId, bookmark.Id, stimulus.Payload, [], applied, cancellationToken))
            {
                case ResumeOutcome.Resumed:
                    resumed++;
                    break;
                case ResumeOutcome.Busy:
                    busy = bookmark.InstanceId;
                    break;
            }
        }

        return busy is null
            ? resumed
            : throw new InstanceBusyException($"Instance '{busy}' is running on another node; the stimulus was not applied to it. Send it again with the same id.");
    }

    /// <summary>A buffered stimulus goes to the first matching bookmark that takes it; it stays buffered when the only takers are busy.</summary>
    private async Task<int> DeliverBufferedAsync(Stimulus buffered, CancellationToken cancellationToken)
    {
        string? busy = null;
        foreach (var bookmark in await _instances.FindBookmarksAsync(buffered.Kind, buffered.Key, cancellationToken))
        {
            var outcome = await ResumeAsync(bookmark.InstanceId, bookmark.Id, buffered.Payload, [buffered.Id], applied: null, cancellationToken);
            if (outcome == ResumeOutcome.Resumed)
            {
                return 1;
            }

            busy ??= outcome == ResumeOutcome.Busy ? bookmark.InstanceId : null;
        }

        return busy is null
            ? 0
            : throw new InstanceBusyException($"Instance '{busy}' is running on another node; the stimulus stays buffered. Send it again with the same id.");
    }

    /// <summary>
    /// Claims and fires one batch of due timers (delays, retries, timeouts, polls), each instance's in due order and
    /// up to <see cref="EngineOptions.TimerConcurrency"/> instances at a time, so no two nodes fire one timer and a
    /// slow burst does not hold up the others; returns how many timers fired.
    /// </summary>
    public async Task<int> ProcessDueTimersAsync(CancellationToken cancellationToken)
    {
        var due = await ClaimDueTimersAsync(_options.Value.TimerBatchSize, cancellationToken);
        using var slots = new SemaphoreSlim(_options.Value.TimerConcurrency);
        var fired = await Task.WhenAll(ByInstance(due).Select(async group =>
        {
            await slots.WaitAsync(cancellationToken);
            try
            {
                return await FireTimersAsync(group, cancellationToken);
            }
            finally
            {
                slots.Release();
            }
        }));
        return fired.Sum();
    }

    /// <summary>Claims up to <paramref name="limit"/> due timers for this node, for <see cref="EngineOptions.TimerClaimDuration"/>.</summary>
    public Task<IReadOnlyList<StoredBookmark>> ClaimDueTimersAsync(int limit, CancellationToken cancellationToken) =>
        _timers.ClaimDueAsync(_options.Value.NodeId, _options.Value.TimerClaimDuration, limit, cancellationToken);

    /// <summary>Claimed timers grouped by instance, each group in due order: one instance's timers fire one after another.</summary>
    public static IReadOnlyList<IReadOnlyList<StoredBookmark>> ByInstance(IReadOnlyList<StoredBookmark> claimed) =>
        [.. claimed.GroupBy(b => b.InstanceId, StringComparer.Ordinal).Select(g => (IReadOnlyList<StoredBookmark>)[.. g.OrderBy(b => b.Bookmark.DueAt).ThenBy(b => b.Id, StringComparer.Ordinal)])];

    /// <summary>
    /// Fires timers this node claimed (of one instance, in the order given), renewing their claims meanwhile; the ones
    /// not fired go back at once. Returns how many fired.
    /// </summary>
    public async Task<int> FireTimersAsync(IReadOnlyList<StoredBookmark> claimed, CancellationToken cancellationToken)
    {
        var owner = _options.Value.NodeId;
        var fired = new HashSet<string>(StringComparer.Ordinal);
        var claimFor = _options.Value.TimerClaimDuration;

        // The claims are renewed while the timers are fired, so they can be short: a dead node's timers are free again
        // soon. Fired timers are renewed too, harmlessly: their bookmarks are gone.
        var ids = claimed.Select(b => b.Id).ToList();
        await using var heartbeat = claimed.Count == 0
            ? null
            : Heartbeat.Start(claimFor / 3, _time, token => _timers.RenewAsync(owner, ids, claimFor, token));
        try
        {
            foreach (var bookmark in claimed)
            {
                // A timer of an instance another node is running is handed back, not waited for.
                if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, null, [], applied: null, cancellationToken, waitForLease: false) == ResumeOutcome.Resumed)
                {
                    fired.Add(bookmark.Id);
                    if (bookmark.Bookmark.DueAt is { } dueAt)
                    {
                        RuntimeMetrics.TimerLag.Record((_time.GetUtcNow() - dueAt).TotalSeconds);
                    }
                }
            }
        }
        finally
        {
            // Fired timers left with their bookmarks; the rest go back at once rather than when the claim runs out.
            await _timers.ReleaseAsync(owner, claimed.Where(b => !fired.Contains(b.Id)).Select(b => b.Id).ToList(), CancellationToken.None);
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
        if (await _instances.FindAsync(instanceId, cancellationToken) is null)
        {
            throw new WorkflowNotFoundException($"Instance '{instanceId}' does not exist.");
        }

        BurstResult burst;
        await using (var entered = await _gate.EnterAsync(instanceId, wait: true, cancellationToken))
        {
            if (entered is null)
            {
                throw new InstanceStateException($"Instance '{instanceId}' is running on another node; try again.");
            }

            var token = entered.Token;
            try
            {
                for (var round = 0; ; round++)
                {
                    if (round > 0 && !await entered.ConfirmAsync(token))
                    {
                        throw new InstanceStateException($"Instance '{instanceId}' was taken over by another node; try again.");
                    }

                    var (instance, bookmarks) = await _instances.LoadAsync(instanceId, token)
                        ?? throw new WorkflowNotFoundException($"Instance '{instanceId}' does not exist.");
                    if (!allowed(instance))
                    {
                        throw new InstanceStateException($"Instance '{instanceId}' ({instance.Status}) {refusal}.");
                    }

                    burst = await RunBurstAsync(instance, bookmarks, trigger, token);
                    if (await TryCommitAsync(entered, burst, instance.Version, [], applied: null, round, token))
                    {
                        break;
                    }
                }
            }
            catch (OperationCanceledException) when (entered.LeaseLost && !cancellationToken.IsCancellationRequested)
            {
                throw new InstanceStateException($"Instance '{instanceId}' was taken over by another node; try again.");
            }
        }

        return await DeliverPendingAsync(burst, cancellationToken)
            ? await _instances.FindAsync(instanceId, cancellationToken) ?? burst.Instance
            : burst.Instance;
    }

    private async Task<ResumeOutcome> ResumeAsync(
        string instanceId,
        string bookmarkId,
        JsonNode? payload,
        IReadOnlyList<string> consumedStimuli,
        AppliedStimulus? applied,
        CancellationToken cancellationToken,
        bool waitForLease = true)
    {
        using var span = RuntimeMetrics.Traces.StartActivity("workflow.resume");
        span?.SetTag("workflow.instance", instanceId).SetTag("workflow.bookmark", bookmarkId);
        BurstResult burst;
        string kind;
        await using (var entered = await _gate.EnterAsync(instanceId, waitForLease, cancellationToken, load: true))
        {
            if (entered is null)
            {
                span?.SetTag("workflow.resume.outcome", nameof(ResumeOutcome.Busy));
                return ResumeOutcome.Busy;
            }

            // A burst whose lease is lost stops before its next side effect; what it did not commit is another node's now.
            var token = entered.Token;
            try
            {
                for (var round = 0; ; round++)
                {
                    if (round > 0 && !await entered.ConfirmAsync(token))
                    {
                        return ResumeOutcome.Busy;
                    }

                    // The instance and its bookmarks in one read: the burst runs on exactly what was loaded. The first
                    // round may have read them with the lease already; a retry reads what the other executor committed.
                    var loaded = round == 0 && entered.Loaded is { } withLease ? withLease : await _instances.LoadAsync(instanceId, token);
                    if (loaded is null
                        || loaded.Instance.IsFinished || loaded.Instance.Status == InstanceStatus.Faulted)
                    {
                        return ResumeOutcome.NothingToResume;
                    }

                    var (instance, bookmarks) = loaded;

                    var bookmark = bookmarks.FirstOrDefault(b => b.Id == bookmarkId);
                    if (bookmark is null)
                    {
                        return ResumeOutcome.NothingToResume;
                    }

                    kind = bookmark.Bookmark.IsTimer ? "timer" : bookmark.Bookmark.Kind;
                    burst = await RunBurstAsync(instance, bookmarks, BurstTrigger.Resume(bookmark, payload), token);
                    try
                    {
                        if (await TryCommitAsync(entered, burst, instance.Version, consumedStimuli, applied, round, token))
                        {
                            break;
                        }
                    }
                    catch (ConcurrencyConflictException) when (consumedStimuli.Count > 0)
                    {
                        return ResumeOutcome.NothingToResume;
                    }
                }
            }
            catch (OperationCanceledException) when (entered.LeaseLost && !cancellationToken.IsCancellationRequested)
            {
                return ResumeOutcome.Busy;
            }
        }

        RuntimeMetrics.Resumes.Add(1, new KeyValuePair<string, object?>("kind", kind));
        CountOutcome(burst);
        span?.SetTag("workflow.resume.outcome", nameof(ResumeOutcome.Resumed));
        await DeliverPendingAsync(burst, cancellationToken);
        return ResumeOutcome.Resumed;
    }

    private async Task<BurstResult> RunBurstAsync(
        WorkflowInstance instance, IReadOnlyList<StoredBookmark> bookmarks, BurstTrigger trigger, CancellationToken cancellationToken)
    {
        var stored = await _definitions.FindAsync(instance.DefinitionId, instance.DefinitionVersion, cancellationToken)
            ?? throw new WorkflowNotFoundException($"Instance '{instance.Id}' runs {instance.DefinitionId} v{instance.DefinitionVersion}, which is not stored.");
        var started = _time.GetTimestamp();
        var burst = await _interpreter.RunAsync(stored.Definition, instance, bookmarks, trigger, cancellationToken);
        RuntimeMetrics.BurstDuration.Record(_time.GetElapsedTime(started).TotalSeconds);
        return burst;
    }

    private static void CountOutcome(BurstResult burst)
    {
        var definition = new KeyValuePair<string, object?>("definition", burst.Instance.DefinitionId);
        if (burst.Instance.Status == InstanceStatus.Completed)
        {
            RuntimeMetrics.InstancesCompleted.Add(1, definition);
        }
        else if (burst.Instance.Status == InstanceStatus.Faulted)
        {
            RuntimeMetrics.InstancesFaulted.Add(1, definition);
        }
    }

    /// <summary>Commits the burst of an entered instance; the commit gives the entry's lease back when it succeeds.</summary>
    /// <returns>False when another executor won the race and the burst must be re-run from the newer state.</returns>
    private async Task<bool> TryCommitAsync(
        InstanceEntry entered, BurstResult burst, long expectedVersion, IReadOnlyList<string> consumedStimuli, AppliedStimulus? applied, int round,
        CancellationToken cancellationToken)
    {
        var committed = false;
        try
        {
            await _faults.ReachAsync(FaultPoint.BeforeCommit, cancellationToken);
            entered.BeginCommit();
            burst.Instance.Version = await _instances.CommitAsync(
                new BurstCommit(burst, expectedVersion, consumedStimuli, applied, _options.Value.NodeId), cancellationToken);
            committed = true;
            await _faults.ReachAsync(FaultPoint.AfterCommit, cancellationToken);
            return true;
        }
        catch (ConcurrencyConflictException ex) when (round < _options.Value.MaxConcurrencyRetries && consumedStimuli.Count == 0)
        {
            LogConflict(_logger, burst.Instance.Id, round + 1, ex.Message);
            return false;
        }
        finally
        {
            entered.EndCommit(committed);
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
            foreach (var pending in await _stimuli.FindPendingAsync(bookmark.Bookmark.Kind, bookmark.Bookmark.Key, cancellationToken))
            {
                if (await ResumeAsync(bookmark.InstanceId, bookmark.Id, pending.Payload, [pending.Id], applied: null, cancellationToken) == ResumeOutcome.Resumed)
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

    private string NewId() => Guid.CreateVersion7(_time.GetUtcNow()).ToString("N");

    [LoggerMessage(EventId = 1201, Level = LogLevel.Debug, Message = "Instance {InstanceId}: burst lost a race (round {Round}), re-running: {Reason}")]
    private static partial void LogConflict(ILogger logger, string instanceId, int round, string reason);
}
