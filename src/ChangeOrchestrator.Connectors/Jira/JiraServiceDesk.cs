using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using ChangeOrchestrator.Connectors.Uploads;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Jira;

/// <summary>
/// Change requests as issues of a JSM project: created with the site's change fields (ids found by name), found
/// again by the correlation label and property, moved by transitions looked up by target status name, approved
/// through JSM approvals, with ADF comments and attachments.
/// </summary>
internal sealed class JiraServiceDesk : IServiceDesk, IDisposable
{
    public const string DeskName = "jira";
    public const string DisplayName = "Jira";

    /// <summary>The statuses a change passes through once approved, in order; closing walks them.</summary>
    private static readonly ChangeState[] ImplementationPath = [ChangeState.Scheduled, ChangeState.Implementing, ChangeState.Review, ChangeState.Closed];

    private readonly JiraOptions _options;
    private readonly JiraClient _client;
    private readonly JiraSiteDiscovery _discovery;
    private readonly JiraStatuses _statuses;
    private readonly JiraTransitions _transitions;
    private readonly JiraConflicts _conflicts;
    private readonly ServiceDeskPipeline _pipeline;
    private readonly ILogger _logger;

    public JiraServiceDesk(IOptions<JiraOptions> options, TimeProvider time, ILogger<JiraServiceDesk> logger)
    {
        _options = options.Value;
        _logger = logger;
        _client = new JiraClient(_options, time);
        _discovery = new JiraSiteDiscovery(_client, _options, logger);
        _statuses = new JiraStatuses(_options.Statuses);
        _transitions = new JiraTransitions(_client, logger);
        _conflicts = new JiraConflicts(_client, _options);
        _pipeline = new ServiceDeskPipeline(DisplayName, _options.Resilience, time, logger);
    }

    public string Name => DeskName;

    public Task<ChangeReference> CreateChangeAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.EnsureValid();
        return _pipeline.ExecuteAsync("create change", async token =>
        {
            var site = await _discovery.GetAsync(token);
            if (await FindAsync(draft.CorrelationId, token) is { } existing)
            {
                JiraLog.ChangeFound(_logger, existing.Number, draft.CorrelationId);
                return existing;
            }

            var body = JiraDraftWriter.ToCreateBody(draft, site, _options);
            var created = await _client.SendJsonAsync(new RestRequest("rest/api/3/issue", Method.Post), body, "POST issue", token);
            var reference = new ChangeReference(DeskName, created?["key"]?.GetValue<string>() ?? "", created?["id"]?.GetValue<string>());
            JiraLog.ChangeCreated(_logger, reference.Number, draft.CorrelationId);
            return reference;
        }, cancellationToken);
    }

    public Task<ChangeReference?> FindByCorrelationIdAsync(string correlationId, CancellationToken cancellationToken)
    {
        CorrelationIds.EnsureValid(correlationId);
        return _pipeline.ExecuteAsync("find change", token => FindAsync(correlationId, token), cancellationToken);
    }

    public Task<ChangeRequestStatus> GetChangeAsync(ChangeReference change, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync("read change", async token =>
        {
            var issue = await ReadAsync(change, token);
            var state = _statuses.StateOf(issue);
            return new ChangeRequestStatus
            {
                Reference = issue.Reference,
                Title = issue.Summary,
                CorrelationId = issue.CorrelationId,
                State = state,
                DeskState = issue.StatusName,
                Approval = await JiraApprovals.ReadAsync(_client, issue, token),
                Outcome = state == ChangeState.Closed ? _statuses.OutcomeOf(issue) : null,
            };
        }, cancellationToken);

    public Task RequestApprovalAsync(ChangeReference change, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync("request approval", async token =>
        {
            var issue = await ReadAsync(change, token);
            if (_statuses.StateOf(issue) != ChangeState.New)
            {
                JiraLog.MoveSkipped(_logger, issue.Key, issue.StatusName, "approval");
                return;
            }

            // A workflow without an approval step for this change (standard changes) goes straight to scheduled.
            var transitions = await _transitions.ListAsync(issue, token);
            var transition = JiraTransitions.Find(transitions, _statuses.TargetsFor(ChangeState.AwaitingApproval))
                ?? JiraTransitions.Find(transitions, _statuses.TargetsFor(ChangeState.Scheduled))
                ?? throw JiraTransitions.NoTransition(issue, _statuses.TargetsFor(ChangeState.AwaitingApproval), transitions);
            await _transitions.RunAsync(issue, transition, null, token);
        }, cancellationToken);

    public Task AddWorkNoteAsync(ChangeReference change, string text, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var line = WorkNoteReference.Line(reference);
        return _pipeline.ExecuteAsync("add work note", async token =>
        {
            var idOrKey = IdOrKey(change);

            // Each attempt looks first: a POST whose answer was lost, or a run cut short by a crash, already wrote it.
            if (await HasCommentAsync(idOrKey, line, token))
            {
                return;
            }

            // On a JSM project a comment is shared with the customer unless the property marks it internal.
            var body = new JsonObject
            {
                ["body"] = JiraAdf.Doc(text + "\n\n" + line),
                ["properties"] = new JsonArray(new JsonObject { ["key"] = "sd.public.comment", ["value"] = new JsonObject { ["internal"] = true } }),
            };
            await _client.SendJsonAsync(new RestRequest($"rest/api/3/issue/{idOrKey}/comment", Method.Post), body, "POST issue comment", token);
            JiraLog.WorkNoteAdded(_logger, change.Number);
        }, cancellationToken);
    }

    /// <summary>Whether a comment of the issue contains <paramref name="text"/>, newest first, page by page.</summary>
    private async Task<bool> HasCommentAsync(string idOrKey, string text, CancellationToken cancellationToken)
    {
        const int PageSize = 100;

        // Comment bodies are compared in their JSON form, where the text appears encoded.
        var encoded = JsonEncodedText.Encode(text).ToString();
        for (var startAt = 0; ; startAt += PageSize)
        {
            var request = new RestRequest($"rest/api/3/issue/{idOrKey}/comment")
                .AddQueryParameter("startAt", startAt)
                .AddQueryParameter("maxResults", PageSize)
                .AddQueryParameter("orderBy", "-created");
            var page = await _client.SendAsync(request, "GET issue comments", cancellationToken);
            var comments = page?["comments"] as JsonArray ?? [];
            if (comments.Any(c => c?["body"]?.ToJsonString().Contains(encoded, StringComparison.Ordinal) == true))
            {
                return true;
            }

            if (comments.Count < PageSize || startAt + comments.Count >= (page?["total"]?.GetValue<int>() ?? 0))
            {
                return false;
            }
        }
    }

    public Task AttachEvidenceAsync(ChangeReference change, string fileName, EvidenceContent content, CancellationToken cancellationToken)
    {
        EvidenceFileNames.EnsureValid(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return _pipeline.ExecuteAsync("attach evidence", async token =>
        {
            var issue = await ReadAsync(change, token);
            if (issue.AttachmentNames.Contains(fileName, StringComparer.Ordinal))
            {
                JiraLog.EvidenceAlreadyAttached(_logger, issue.Key, fileName);
                return;
            }

            // One multipart part named file, its body written from the evidence while it is sent.
            StreamedUploadContent? sent = null;
            var request = new RestRequest($"rest/api/3/issue/{issue.Id}/attachments", Method.Post)
            {
                Interceptors = [new StreamedUploadInterceptor(() =>
                {
                    sent = new StreamedUploadContent(content);
                    return new MultipartFormDataContent { { sent, "file", fileName } };
                })],
            };
            request.AddHeader("X-Atlassian-Token", "no-check");
            await _client.SendAsync(request, "POST issue attachments", token);
            JiraLog.EvidenceAttached(_logger, fileName, sent?.BytesWritten ?? 0, issue.Key);
        }, cancellationToken);
    }

    public Task MoveToImplementAsync(ChangeReference change, CancellationToken cancellationToken) =>
        MoveAsync(change, ChangeState.Implementing, null, null, "move to Implementing", cancellationToken);

    public Task MoveToReviewAsync(ChangeReference change, CancellationToken cancellationToken) =>
        MoveAsync(change, ChangeState.Review, null, null, "move to Review", cancellationToken);

    public Task CloseAsync(ChangeReference change, ChangeOutcome outcome, string notes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notes);
        var label = outcome switch
        {
            ChangeOutcome.Successful => "successful",
            ChangeOutcome.SuccessfulWithIssues => "successful with issues",
            _ => "unsuccessful",
        };
        return MoveAsync(change, ChangeState.Closed, outcome, $"Closed {label}: {notes}", "close", cancellationToken);
    }

    public Task CancelAsync(ChangeReference change, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return MoveAsync(change, ChangeState.Cancelled, null, "Canceled: " + reason, "cancel", cancellationToken);
    }

    public Task<IReadOnlyList<ChangeConflict>> FindConflictsAsync(ConflictQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.EnsureValid();
        return _pipeline.ExecuteAsync("find conflicts", async token =>
        {
            var conflicts = await _conflicts.FindAsync(query, await _discovery.GetAsync(token), token);
            JiraLog.ConflictsFound(_logger, conflicts.Count, query.Start, query.End, query.Servers.Count);
            return conflicts;
        }, cancellationToken);
    }

    public Task<AffectedServers> AttachAffectedServersAsync(ChangeReference change, IReadOnlyList<AffectedServer> servers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return _pipeline.ExecuteAsync("set affected servers", async token =>
        {
            var site = await _discovery.GetAsync(token);
            var ids = servers.Select(s => s.InstanceId).Distinct(StringComparer.Ordinal).ToList();
            if (site.AffectedServersField is not { } field)
            {
                // Discovery already warned that the field is missing; the servers stay in the description.
                return new AffectedServers { Attached = [], NotFound = ids };
            }

            var idOrKey = IdOrKey(change);
            var issue = await _client.SendAsync(new RestRequest($"rest/api/3/issue/{idOrKey}").AddQueryParameter("fields", field), "GET issue", token);
            var listed = (issue?["fields"]?[field] as JsonArray ?? []).Select(n => n?.GetValue<string>()).OfType<string>().ToList();
            var wanted = ids.Where(JiraLabels.IsValid).ToList();
            var missing = wanted.Where(id => !listed.Contains(id, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0)
            {
                // Adding keeps what a person put there; a retried call finds its servers listed and adds nothing.
                var body = new JsonObject
                {
                    ["update"] = new JsonObject { [field] = new JsonArray([.. missing.Select(id => (JsonNode)new JsonObject { ["add"] = id })]) },
                };
                await _client.SendJsonAsync(new RestRequest($"rest/api/3/issue/{idOrKey}", Method.Put), body, "PUT issue", token);
            }

            var result = new AffectedServers { Attached = wanted, NotFound = [.. ids.Where(id => !JiraLabels.IsValid(id))] };
            JiraLog.AffectedServersSet(_logger, change.Number, result.Attached.Count, result.NotFound.Count);
            return result;
        }, cancellationToken);
    }

    public Task RescheduleAsync(ChangeReference change, DateTimeOffset plannedStart, DateTimeOffset plannedEnd, CancellationToken cancellationToken)
    {
        if (plannedEnd <= plannedStart)
        {
            throw new ArgumentException($"The planned end ({plannedEnd:O}) must come after the planned start ({plannedStart:O}).", nameof(plannedEnd));
        }

        return _pipeline.ExecuteAsync("reschedule change", async token =>
        {
            var site = await _discovery.GetAsync(token);
            if (site.PlannedStartField is not { } startField || site.PlannedEndField is not { } endField)
            {
                throw new ServiceDeskException(DisplayName,
                    $"Jira has no field named '{_options.Fields.PlannedStart}' or '{_options.Fields.PlannedEnd}' ({JiraOptions.Section}:Fields:PlannedStart, PlannedEnd); the change cannot be rescheduled", isTransient: false);
            }

            var body = new JsonObject { ["fields"] = new JsonObject { [startField] = JiraDates.Format(plannedStart), [endField] = JiraDates.Format(plannedEnd) } };
            await _client.SendJsonAsync(new RestRequest($"rest/api/3/issue/{IdOrKey(change)}", Method.Put), body, "PUT issue", token);
            JiraLog.Rescheduled(_logger, change.Number, plannedStart, plannedEnd);
        }, cancellationToken);
    }

    public void Dispose()
    {
        _discovery.Dispose();
        _client.Dispose();
    }

    /// <summary>
    /// Moves the issue to a status meaning <paramref name="target"/>, through Implementing and Review when the
    /// workflow offers no direct transition; the comment goes with the last transition. Already there: nothing to do.
    /// </summary>
    private Task MoveAsync(ChangeReference change, ChangeState target, ChangeOutcome? outcome, string? comment, string description, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(description, async token =>
        {
            var issue = await ReadAsync(change, token);
            var moved = false;
            for (var step = 0; step < ImplementationPath.Length; step++)
            {
                var state = _statuses.StateOf(issue);
                if (state == target || (!state.IsTerminal() && state.HasReached(target)))
                {
                    break;
                }

                if (state.IsTerminal())
                {
                    throw new ServiceDeskException(DisplayName, $"{issue.Key} is {issue.StatusName}; it cannot {description}", isTransient: false);
                }

                var transitions = await _transitions.ListAsync(issue, token);
                if (JiraTransitions.Find(transitions, _statuses.TargetsFor(target, outcome)) is { } direct)
                {
                    if (outcome is { } closing)
                    {
                        await RecordOutcomeAsync(issue, closing, token);
                    }

                    await _transitions.RunAsync(issue, direct, comment, token);
                    moved = true;
                    break;
                }

                var at = Array.IndexOf(ImplementationPath, state);
                var via = target != ChangeState.Cancelled && at >= 0 && ImplementationPath[at + 1] < target
                    ? JiraTransitions.Find(transitions, _statuses.TargetsFor(ImplementationPath[at + 1]))
                    : null;
                await _transitions.RunAsync(issue, via ?? throw JiraTransitions.NoTransition(issue, _statuses.TargetsFor(target, outcome), transitions), null, token);
                issue = await ReadAsync(change, token);
                moved = true;
            }

            if (!moved)
            {
                JiraLog.MoveSkipped(_logger, issue.Key, issue.StatusName, target.ToString());
            }
        }, cancellationToken);

    /// <summary>The outcome goes into the correlation property before the closing transition, as statuses cannot tell "with issues".</summary>
    private async Task RecordOutcomeAsync(JiraIssue issue, ChangeOutcome outcome, CancellationToken cancellationToken)
    {
        var value = issue.Property?.DeepClone() as JsonObject ?? [];
        value["outcome"] = JiraStatuses.OutcomeValue(outcome);
        var request = new RestRequest($"rest/api/3/issue/{issue.Id}/properties/{JiraCorrelation.PropertyKey}", Method.Put);
        await _client.SendJsonAsync(request, value, "PUT issue property", cancellationToken);
    }

    private async Task<ChangeReference?> FindAsync(string correlationId, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["jql"] = JiraCorrelation.Jql(_options.ProjectKey, correlationId),
            ["fields"] = new JsonArray("summary"),
            ["properties"] = new JsonArray(JiraCorrelation.PropertyKey),
            ["maxResults"] = 20,
        };
        var page = await _client.SendJsonAsync(new RestRequest("rest/api/3/search/jql", Method.Post), body, "POST search/jql", cancellationToken);
        var match = (page?["issues"] as JsonArray ?? []).Select(JiraIssue.From).FirstOrDefault(i => i.CorrelationId == correlationId);
        return match?.Reference;
    }

    private async Task<JiraIssue> ReadAsync(ChangeReference change, CancellationToken cancellationToken)
    {
        var request = new RestRequest($"rest/api/3/issue/{IdOrKey(change)}")
            .AddQueryParameter("fields", JiraIssue.Fields)
            .AddQueryParameter("properties", JiraCorrelation.PropertyKey);
        return JiraIssue.From(await _client.SendAsync(request, "GET issue", cancellationToken));
    }

    private static string IdOrKey(ChangeReference change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!string.Equals(change.Desk, DeskName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{change} is not a Jira change.", nameof(change));
        }

        return string.IsNullOrEmpty(change.Id) ? change.Number : change.Id;
    }
}
