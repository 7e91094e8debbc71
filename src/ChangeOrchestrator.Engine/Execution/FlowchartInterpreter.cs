using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Expressions;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Engine.Results;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>
/// Runs one burst of a flowchart: from a start, resume, retry or cancel until the instance waits, completes or
/// faults. It changes nothing outside: the caller commits the returned <see cref="BurstResult"/> atomically.
/// </summary>
internal sealed partial class FlowchartInterpreter(
    ActivityCatalogue catalogue,
    IActivityFactory activityFactory,
    IExpressionEvaluator expressions,
    TimeProvider time,
    IServiceProvider services,
    IStepResultStore results,
    BurstLimits limits,
    ILogger<FlowchartInterpreter> logger)
{
    public async Task<BurstResult> RunAsync(
        WorkflowDefinition definition,
        WorkflowInstance current,
        IReadOnlyList<StoredBookmark> bookmarks,
        BurstTrigger trigger,
        CancellationToken cancellationToken)
    {
        var scope = new ExecutionScope(definition, current.Clone(), bookmarks, time, services, results, limits.InlineListItems);
        var instance = scope.Instance;
        var faultedBefore = instance.Incident is not null;
        ApplyTrigger(scope, trigger);

        var executed = 0;
        while (instance.Queue.Count > 0 && (instance.Incident is null || faultedBefore))
        {
            if (++executed > limits.MaxActivities)
            {
                var runaway = instance.Queue[0].ActivityId;
                RaiseIncident(scope, runaway, new ActivityException(
                    $"More than {limits.MaxActivities} activities ran without waiting; the flowchart loops without a wait.", isTransient: false));
                break;
            }

            var next = instance.Queue[0];
            instance.Queue.RemoveAt(0);
            await ExecuteAsync(scope, next, cancellationToken);
        }

        Finish(scope);
        return scope.ToResult();
    }

    private static void ApplyTrigger(ExecutionScope scope, BurstTrigger trigger)
    {
        var instance = scope.Instance;
        switch (trigger)
        {
            case BurstTrigger.StartTrigger:
                var start = scope.Graph.Start ?? throw new InvalidOperationException($"Workflow '{scope.Definition.Id}' has no start activity.");
                instance.Status = InstanceStatus.Running;
                scope.Journal(JournalEntryType.InstanceStarted, null, $"Started {scope.Definition.Id} v{scope.Definition.Version}");
                instance.Queue.Add(new ScheduledActivity(start));
                break;

            case BurstTrigger.ResumeTrigger resume:
                ApplyResume(scope, resume);
                break;

            case BurstTrigger.RetryIncidentTrigger:
                var incident = instance.Incident ?? throw new InvalidOperationException($"Instance '{instance.Id}' has no incident to retry.");
                scope.Journal(JournalEntryType.IncidentRetried, incident.ActivityId, incident.Message);
                instance.Incident = null;
                scope.StateOf(incident.ActivityId).Attempt = 1;
                instance.Queue.Insert(0, new ScheduledActivity(incident.ActivityId));
                break;

            case BurstTrigger.CancelTrigger:
                ApplyCancel(scope);
                break;
        }
    }

    private static void ApplyResume(ExecutionScope scope, BurstTrigger.ResumeTrigger resume)
    {
        var stored = resume.Bookmark;
        var state = scope.StateOf(stored.ActivityId);
        scope.RemoveBookmarksOf(stored.ActivityId);
        state.Waiting = false;
        switch (stored.Bookmark.Name)
        {
            case StoredBookmark.RetryName:
                scope.Instance.Queue.Add(new ScheduledActivity(stored.ActivityId));
                break;
            case StoredBookmark.TimeoutName:
                scope.Instance.Queue.Add(new ScheduledActivity(stored.ActivityId, Resumption: new Resumption(stored.Bookmark, null)));
                break;
            default:
                scope.Instance.Queue.Add(new ScheduledActivity(stored.ActivityId, Resumption: new Resumption(stored.Bookmark, resume.Payload)));
                break;
        }
    }

    private static void ApplyCancel(ExecutionScope scope)
    {
        var instance = scope.Instance;
        scope.Journal(JournalEntryType.CancelRequested, null);
        foreach (var (activityId, state) in instance.Activities)
        {
            scope.RemoveBookmarksOf(activityId);
            state.Waiting = false;
            state.TimeoutAt = null;
        }

        instance.Queue.Clear();
        instance.Incident = null;
        instance.Status = InstanceStatus.Running;
        instance.Cancelling = true;
        if (scope.Definition.Cancel is { } cancelPath)
        {
            instance.Queue.Add(new ScheduledActivity(cancelPath));
        }
    }

    private async Task ExecuteAsync(ExecutionScope scope, ScheduledActivity scheduled, CancellationToken cancellationToken)
    {
        var node = scope.Definition.FindActivity(scheduled.ActivityId)
            ?? throw new InvalidOperationException($"Activity '{scheduled.ActivityId}' is not in {scope.Definition.Id} v{scope.Definition.Version}.");
        var descriptor = catalogue.Find(node.Type)
            ?? throw new InvalidOperationException($"Activity type '{node.Type}' is not registered.");
        var state = scope.StateOf(node.Id);

        if (scheduled.Resumption is { Bookmark.Name: StoredBookmark.TimeoutName })
        {
            HandleFault(scope, node, state, new ActivityException($"Activity '{node.Id}' timed out after {node.Timeout}.", isTransient: true));
            return;
        }

        var started = new JsonObject { ["attempt"] = state.Attempt, ["type"] = node.Type };
        if (scheduled.Resumption?.Bookmark.DueAt is { } dueAt)
        {
            // When the timer was due: how late it fired (a busy or dead node, a claim or lease waited out) is read here.
            started["due"] = dueAt;
        }

        scope.Journal(scheduled.Resumption is null ? JournalEntryType.ActivityStarted : JournalEntryType.ActivityResumed, node.Id, data: started);

        ActivityResult result;
        var opened = await scope.OpenStateAsync(state, descriptor.StreamsState, cancellationToken);
        try
        {
            var inputs = await EvaluateInputsAsync(scope, node, descriptor, cancellationToken);
            var context = new ActivityContext(scope, node, inputs, state, scheduled.Resumption, scheduled.From);
            var activity = activityFactory.Create(descriptor);
            result = await RunWithTimeoutAsync(activity, context, node, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && !TransientStoreFailure.Is(ex))
        {
            scope.KeepState(node.Id, state, opened);
            HandleFault(scope, node, state, FaultClassifier.Classify(ex));
            return;
        }

        scope.KeepState(node.Id, state, opened);
        Apply(scope, node, state, result);
    }

    private async Task<ActivityResult> RunWithTimeoutAsync(IActivity activity, ActivityContext context, ActivityNode node, CancellationToken cancellationToken)
    {
        if (node.Timeout is not { } timeout)
        {
            return await activity.ExecuteAsync(context, cancellationToken);
        }

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await activity.ExecuteAsync(context, linked.Token);
        }
        catch (OperationCanceledException ex) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new ActivityException($"Activity '{node.Id}' timed out after {timeout}.", isTransient: true, ex);
        }
    }

    private async Task<JsonObject> EvaluateInputsAsync(ExecutionScope scope, ActivityNode node, ActivityDescriptor descriptor, CancellationToken cancellationToken)
    {
        var inputs = new JsonObject();
        ExpressionContext? expressionContext = null;
        foreach (var (name, value) in node.Inputs)
        {
            if (value.Expression is { } expression)
            {
                expressionContext ??= ExpressionContextOf(scope);
                try
                {
                    var context = await ExpressionResults.ReadItemsAsync(expression, expressionContext, scope.Results, cancellationToken);
                    inputs[name] = expressions.Evaluate(expression, context);
                }
                catch (ExpressionException ex)
                {
                    throw new ExpressionException($"Input '{name}' of activity '{node.Id}': {ex.Message}", ex);
                }
            }
            else
            {
                inputs[name] = value.Literal?.DeepClone();
            }

            // An activity gets the items of the lists its inputs name, unless it streams them itself.
            if (ResultReference.Within(inputs[name]) && descriptor.FindInput(name) is not { StreamsResults: true })
            {
                inputs[name] = await scope.Results.ResolveAsync(inputs[name], cancellationToken);
            }
        }

        return inputs;
    }

    private ExpressionContext ExpressionContextOf(ExecutionScope scope)
    {
        var instance = scope.Instance;
        var instanceInfo = new JsonObject
        {
            ["id"] = instance.Id,
            ["correlationId"] = instance.CorrelationId,
            ["definitionId"] = instance.DefinitionId,
            ["definitionVersion"] = instance.DefinitionVersion,
            ["createdAt"] = instance.CreatedAt,
        };
        return new ExpressionContext(instance.Input, instance.Variables, instance.Steps, instanceInfo, time.GetUtcNow());
    }

    private void Apply(ExecutionScope scope, ActivityNode node, ActivityRuntimeState state, ActivityResult result)
    {
        if (result.OutcomeName is { } outcome)
        {
            Complete(scope, node, state, outcome, result.Output, result.CancelsOtherBranches);
        }
        else if (result.IsSuspended)
        {
            Suspend(scope, node, state, result.Bookmarks);
        }
    }

    private static void Complete(ExecutionScope scope, ActivityNode node, ActivityRuntimeState state, string outcome, JsonObject? output, bool cancelsOtherBranches)
    {
        state.Attempt = 1;
        state.Executions++;
        state.Waiting = false;
        state.TimeoutAt = null;
        scope.RemoveBookmarksOf(node.Id);

        // The journal holds what the instance holds: counts and references, not the per-server lists.
        var kept = scope.KeepOutput(node.Id, (JsonObject?)output?.DeepClone() ?? []);
        scope.Journal(JournalEntryType.ActivityCompleted, node.Id, outcome, kept);

        if (cancelsOtherBranches)
        {
            CancelBranchesInto(scope, node.Id);
        }

        foreach (var target in scope.Graph.Targets(node.Id, outcome))
        {
            scope.Instance.Queue.Add(new ScheduledActivity(target, node.Id));
        }
    }

    private void Suspend(ExecutionScope scope, ActivityNode node, ActivityRuntimeState state, IReadOnlyList<Bookmark> bookmarks)
    {
        state.Waiting = true;
        foreach (var bookmark in bookmarks)
        {
            scope.AddBookmark(node.Id, bookmark);
        }

        if (node.Timeout is { } timeout)
        {
            state.TimeoutAt ??= time.GetUtcNow() + timeout;
            scope.AddBookmark(node.Id, Bookmark.At(state.TimeoutAt.Value, StoredBookmark.TimeoutName));
        }

        scope.Journal(JournalEntryType.ActivitySuspended, node.Id, data: new JsonArray(bookmarks.Select(BookmarkJson).ToArray()));
    }

    private static JsonNode BookmarkJson(Bookmark bookmark) => bookmark.DueAt is { } due
        ? new JsonObject { ["dueAt"] = due, ["name"] = bookmark.Name }
        : new JsonObject { ["kind"] = bookmark.Kind, ["key"] = bookmark.Key, ["name"] = bookmark.Name };

    private void HandleFault(ExecutionScope scope, ActivityNode node, ActivityRuntimeState state, ActivityException fault)
    {
        scope.Journal(JournalEntryType.ActivityFaulted, node.Id, fault.Message, new JsonObject
        {
            ["attempt"] = state.Attempt,
            ["transient"] = fault.IsTransient,
            ["error"] = (fault.InnerException ?? fault).GetType().Name,
        });
        LogActivityFaulted(logger, scope.Instance.Id, node.Id, state.Attempt, fault.IsTransient, fault.Message, fault.InnerException);

        if (fault.IsTransient && node.Retry is { } retry && state.Attempt < retry.Attempts)
        {
            var delay = retry.DelayBefore(state.Attempt + 1);
            var due = time.GetUtcNow() + delay;
            state.Attempt++;
            state.Waiting = true;
            state.TimeoutAt = null;
            scope.RemoveBookmarksOf(node.Id);
            scope.AddBookmark(node.Id, Bookmark.At(due, StoredBookmark.RetryName));
            scope.Journal(JournalEntryType.RetryScheduled, node.Id, $"Attempt {state.Attempt} in {delay}", new JsonObject { ["attempt"] = state.Attempt, ["due"] = due });
            return;
        }

        if (scope.Graph.HasConnection(node.Id, ActivityResult.FaultedOutcome))
        {
            var output = new JsonObject { ["error"] = fault.Message, ["transient"] = fault.IsTransient, ["attempts"] = state.Attempt };
            Complete(scope, node, state, ActivityResult.FaultedOutcome, output, cancelsOtherBranches: false);
            return;
        }

        state.Waiting = false;
        state.TimeoutAt = null;
        scope.RemoveBookmarksOf(node.Id);
        RaiseIncident(scope, node.Id, fault);
    }

    private void RaiseIncident(ExecutionScope scope, string activityId, ActivityException fault)
    {
        var attempt = scope.StateOf(activityId).Attempt;
        scope.Instance.Incident = new Incident(activityId, fault.Message, (fault.InnerException ?? fault).GetType().Name, attempt, time.GetUtcNow());
        scope.Journal(JournalEntryType.IncidentCreated, activityId, fault.Message);
    }

    /// <summary>A join in "any" mode continues on the first branch: every other live branch leading into it stops.</summary>
    private static void CancelBranchesInto(ExecutionScope scope, string joinId)
    {
        var branches = scope.Graph.ActivitiesReaching(joinId);
        foreach (var activityId in branches)
        {
            if (scope.Instance.Activities.TryGetValue(activityId, out var state) && state.Waiting)
            {
                scope.RemoveBookmarksOf(activityId);
                state.Waiting = false;
                state.TimeoutAt = null;
                state.Attempt = 1;
                scope.Journal(JournalEntryType.BranchCancelled, activityId, $"Cancelled by join '{joinId}'");
            }
        }

        var dropped = scope.Instance.Queue.RemoveAll(s => branches.Contains(s.ActivityId) && s.ActivityId != joinId);
        if (dropped > 0)
        {
            scope.Journal(JournalEntryType.BranchCancelled, joinId, $"{dropped} scheduled activities cancelled by join '{joinId}'");
        }
    }

    private void Finish(ExecutionScope scope)
    {
        var instance = scope.Instance;
        var now = time.GetUtcNow();
        instance.UpdatedAt = now;
        var waiting = instance.Activities.Values.Any(a => a.Waiting);

        if (instance.Incident is not null)
        {
            if (instance.Status != InstanceStatus.Faulted)
            {
                scope.Journal(JournalEntryType.InstanceFaulted, instance.Incident.ActivityId, instance.Incident.Message);
            }

            instance.Status = InstanceStatus.Faulted;
        }
        else if (waiting)
        {
            instance.Status = InstanceStatus.Suspended;
        }
        else if (instance.Cancelling)
        {
            instance.Status = InstanceStatus.Cancelled;
            instance.Cancelling = false;
            instance.FinishedAt = now;
            scope.Journal(JournalEntryType.InstanceCancelled, null);
        }
        else
        {
            instance.Status = InstanceStatus.Completed;
            instance.FinishedAt = now;
            scope.Journal(JournalEntryType.InstanceCompleted, null);
        }
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Instance {InstanceId} activity {ActivityId} faulted on attempt {Attempt} (transient: {Transient}): {Reason}")]
    private static partial void LogActivityFaulted(ILogger logger, string instanceId, string activityId, int attempt, bool transient, string reason, Exception? cause);
}
