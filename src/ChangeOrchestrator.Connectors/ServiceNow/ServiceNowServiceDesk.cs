using System.Text.Json.Nodes;
using ChangeOrchestrator.Connectors.Resilience;
using ChangeOrchestrator.Connectors.Uploads;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.ChangeRequests.Conflicts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RestSharp;

namespace ChangeOrchestrator.Connectors.ServiceNow;

/// <summary>
/// Change requests in ServiceNow through the Table API: change_request (looked up by correlation_id before any
/// insert), sysapproval_approver for the approval's details, and the Attachment API for evidence.
/// </summary>
internal sealed class ServiceNowServiceDesk : IServiceDesk, IDisposable
{
    public const string DeskName = "servicenow";
    public const string DisplayName = "ServiceNow";

    private const string ChangeTable = "api/now/table/change_request";

    /// <summary>The states a change passes through once approved, in order; closing walks them.</summary>
    private static readonly ChangeState[] ImplementationPath = [ChangeState.Scheduled, ChangeState.Implementing, ChangeState.Review, ChangeState.Closed];

    private readonly ServiceNowOptions _options;
    private readonly ServiceNowClient _client;
    private readonly ServiceNowConflicts _conflicts;
    private readonly ServiceDeskPipeline _pipeline;
    private readonly ILogger _logger;

    public ServiceNowServiceDesk(IOptions<ServiceNowOptions> options, TimeProvider time, ILogger<ServiceNowServiceDesk> logger)
    {
        _options = options.Value;
        _logger = logger;
        _client = new ServiceNowClient(_options, time, logger);
        _conflicts = new ServiceNowConflicts(_client);
        _pipeline = new ServiceDeskPipeline(DisplayName, _options.Resilience, time, logger);
    }

    public string Name => DeskName;

    public Task<ChangeReference> CreateChangeAsync(ChangeRequestDraft draft, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(draft);
        draft.EnsureValid();
        return _pipeline.ExecuteAsync("create change", async token =>
        {
            if (await FindAsync(draft.CorrelationId, token) is { } existing)
            {
                ServiceNowLog.ChangeFound(_logger, existing.Number, draft.CorrelationId);
                return existing.Reference;
            }

            var request = ChangeRequest(ChangeTable, Method.Post).AddStringBody(ServiceNowDraftWriter.ToJson(draft, _options).ToJsonString(), ContentType.Json);
            var created = ServiceNowChangeRecord.From(await _client.SendAsync(request, "POST change_request", token));
            ServiceNowLog.ChangeCreated(_logger, created.Number, draft.CorrelationId);
            return created.Reference;
        }, cancellationToken);
    }

    public Task<ChangeReference?> FindByCorrelationIdAsync(string correlationId, CancellationToken cancellationToken)
    {
        CorrelationIds.EnsureValid(correlationId);
        return _pipeline.ExecuteAsync("find change", async token => (await FindAsync(correlationId, token))?.Reference, cancellationToken);
    }

    public Task<ChangeRequestStatus> GetChangeAsync(ChangeReference change, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync("read change", async token =>
        {
            var record = await ReadAsync(change, token);
            var approval = await ServiceNowApprovals.ReadAsync(_client, record, token);
            return new ChangeRequestStatus
            {
                Reference = record.Reference,
                Title = record.ShortDescription,
                CorrelationId = record.CorrelationId.Length > 0 ? record.CorrelationId : null,
                State = record.ChangeState,
                DeskState = ServiceNowStates.Label(record.State),
                Approval = approval,
                Outcome = record.ChangeState == ChangeState.Closed ? ServiceNowCloseCodes.Parse(record.CloseCode) : null,
            };
        }, cancellationToken);

    public Task RequestApprovalAsync(ChangeReference change, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync("request approval", async token =>
        {
            var record = await ReadAsync(change, token);
            if (record.ChangeState != ChangeState.New)
            {
                ServiceNowLog.MoveSkipped(_logger, record.Number, ServiceNowStates.Label(record.State), "approval");
                return;
            }

            // A normal change is assessed first, an emergency one goes to the CAB, a standard one is pre-authorized.
            var target = record.Type switch
            {
                "standard" => ChangeState.Scheduled,
                "emergency" => ChangeState.AwaitingApproval,
                _ => ChangeState.Assessing,
            };
            await PatchStateAsync(record, target, [], token);
        }, cancellationToken);

    public Task AddWorkNoteAsync(ChangeReference change, string text, string reference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var line = WorkNoteReference.Line(reference);
        return _pipeline.ExecuteAsync("add work note", async token =>
        {
            var record = await ReadAsync(change, token);

            // Each attempt looks first: a PATCH whose answer was lost, or a run cut short by a crash, already wrote it.
            var existing = new RestRequest("api/now/table/sys_journal_field")
                .AddQueryParameter("sysparm_query", $"element_id={record.SysId}^element=work_notes^valueLIKE{line}")
                .AddQueryParameter("sysparm_fields", "sys_id")
                .AddQueryParameter("sysparm_limit", "1");
            if (await _client.SendAsync(existing, "GET sys_journal_field", token) is JsonArray { Count: > 0 })
            {
                return;
            }

            var request = new RestRequest($"{ChangeTable}/{record.SysId}", Method.Patch)
                .AddQueryParameter("sysparm_fields", "sys_id")
                .AddStringBody(new JsonObject { ["work_notes"] = text + "\n\n" + line }.ToJsonString(), ContentType.Json);
            await _client.SendAsync(request, "PATCH change_request", token);
            ServiceNowLog.WorkNoteAdded(_logger, record.Number);
        }, cancellationToken);
    }

    public Task AttachEvidenceAsync(ChangeReference change, string fileName, EvidenceContent content, CancellationToken cancellationToken)
    {
        EvidenceFileNames.EnsureValid(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return _pipeline.ExecuteAsync("attach evidence", async token =>
        {
            var record = await ReadAsync(change, token);
            var existing = new RestRequest("api/now/attachment")
                .AddQueryParameter("sysparm_query", $"table_name=change_request^table_sys_id={record.SysId}^file_name={fileName}")
                .AddQueryParameter("sysparm_fields", "sys_id,file_name")
                .AddQueryParameter("sysparm_limit", "1");
            if (await _client.SendAsync(existing, "GET attachment", token) is JsonArray { Count: > 0 })
            {
                ServiceNowLog.EvidenceAlreadyAttached(_logger, record.Number, fileName);
                return;
            }

            // The raw-bytes form of the Attachment API, the body written from the evidence while it is sent.
            StreamedUploadContent? sent = null;
            var upload = new RestRequest("api/now/attachment/file", Method.Post) { Interceptors = [new StreamedUploadInterceptor(() => sent = new StreamedUploadContent(content))] }
                .AddQueryParameter("table_name", "change_request")
                .AddQueryParameter("table_sys_id", record.SysId)
                .AddQueryParameter("file_name", fileName);
            await _client.SendAsync(upload, "POST attachment/file", token);
            ServiceNowLog.EvidenceAttached(_logger, fileName, sent?.BytesWritten ?? 0, record.Number);
        }, cancellationToken);
    }

    public Task MoveToImplementAsync(ChangeReference change, CancellationToken cancellationToken) =>
        MoveAsync(change, ChangeState.Implementing, [], "move to Implement", cancellationToken);

    public Task MoveToReviewAsync(ChangeReference change, CancellationToken cancellationToken) =>
        MoveAsync(change, ChangeState.Review, [], "move to Review", cancellationToken);

    public Task CloseAsync(ChangeReference change, ChangeOutcome outcome, string notes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(notes);
        var fields = new JsonObject { ["close_code"] = ServiceNowCloseCodes.Of(outcome), ["close_notes"] = notes };
        return MoveAsync(change, ChangeState.Closed, fields, "close", cancellationToken);
    }

    public Task CancelAsync(ChangeReference change, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return MoveAsync(change, ChangeState.Cancelled, new JsonObject { ["work_notes"] = "Canceled: " + reason }, "cancel", cancellationToken);
    }

    public Task<IReadOnlyList<ChangeConflict>> FindConflictsAsync(ConflictQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.EnsureValid();
        return _pipeline.ExecuteAsync("find conflicts", async token =>
        {
            var conflicts = await _conflicts.FindAsync(query, token);
            ServiceNowLog.ConflictsFound(_logger, conflicts.Count, query.Start, query.End, query.Servers.Count);
            return conflicts;
        }, cancellationToken);
    }

    public Task<AffectedServers> AttachAffectedServersAsync(ChangeReference change, IReadOnlyList<AffectedServer> servers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(servers);
        return _pipeline.ExecuteAsync("attach affected CIs", async token =>
        {
            var record = await ReadAsync(change, token);
            var cis = await ServiceNowCmdb.FindServersAsync(_client, servers, token);

            // Rows already there (an earlier attempt, or a person) are kept; only the missing ones are inserted.
            var listed = new HashSet<string>(StringComparer.Ordinal);
            var existing = new RestRequest("api/now/table/task_ci")
                .AddQueryParameter("sysparm_query", "task=" + record.SysId)
                .AddQueryParameter("sysparm_fields", "ci_item")
                .AddQueryParameter("sysparm_exclude_reference_link", "true");
            foreach (var row in (await _client.SendAsync(existing, "GET task_ci", token) as JsonArray ?? []).OfType<JsonNode>())
            {
                listed.Add(ServiceNowJson.Value(row, "ci_item"));
            }

            foreach (var ci in cis.Values.Distinct(StringComparer.Ordinal).Where(ci => !listed.Contains(ci)))
            {
                var insert = new RestRequest("api/now/table/task_ci", Method.Post)
                    .AddQueryParameter("sysparm_fields", "sys_id")
                    .AddStringBody(new JsonObject { ["task"] = record.SysId, ["ci_item"] = ci }.ToJsonString(), ContentType.Json);
                await _client.SendAsync(insert, "POST task_ci", token);
            }

            var result = new AffectedServers
            {
                Attached = [.. servers.Select(s => s.InstanceId).Where(cis.ContainsKey).Distinct(StringComparer.Ordinal)],
                NotFound = [.. servers.Select(s => s.InstanceId).Where(id => !cis.ContainsKey(id)).Distinct(StringComparer.Ordinal)],
            };
            ServiceNowLog.AffectedCisAttached(_logger, record.Number, result.Attached.Count, result.NotFound.Count);
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
            var record = await ReadAsync(change, token);
            var body = new JsonObject { ["start_date"] = ServiceNowJson.FormatDateTime(plannedStart), ["end_date"] = ServiceNowJson.FormatDateTime(plannedEnd) };
            var request = new RestRequest($"{ChangeTable}/{record.SysId}", Method.Patch)
                .AddQueryParameter("sysparm_fields", "sys_id")
                .AddStringBody(body.ToJsonString(), ContentType.Json);
            await _client.SendAsync(request, "PATCH change_request", token);
            ServiceNowLog.Rescheduled(_logger, record.Number, plannedStart, plannedEnd);
        }, cancellationToken);
    }

    public void Dispose() => _client.Dispose();

    /// <summary>
    /// Moves the change to <paramref name="target"/>, stepping through Implement and Review from Scheduled as the
    /// change model requires; <paramref name="finalFields"/> go with the last step. Already there: nothing to do.
    /// </summary>
    private Task MoveAsync(ChangeReference change, ChangeState target, JsonObject finalFields, string description, CancellationToken cancellationToken) =>
        _pipeline.ExecuteAsync(description, async token =>
        {
            var record = await ReadAsync(change, token);
            var moved = false;
            for (var step = 0; step < ImplementationPath.Length && record.ChangeState != target; step++)
            {
                var state = record.ChangeState;
                if (state.IsTerminal())
                {
                    throw new ServiceDeskException(DisplayName, $"{record.Number} is {ServiceNowStates.Label(record.State)}; it cannot {description}", isTransient: false);
                }

                if (state.HasReached(target))
                {
                    break;
                }

                var next = Array.IndexOf(ImplementationPath, state) is >= 0 and var at && target != ChangeState.Cancelled ? ImplementationPath[at + 1] : target;
                record = await PatchStateAsync(record, next, next == target ? finalFields : [], token);
                moved = true;
            }

            if (!moved)
            {
                ServiceNowLog.MoveSkipped(_logger, record.Number, ServiceNowStates.Label(record.State), ServiceNowStates.Label(ServiceNowStates.ValueOf(target)));
            }
        }, cancellationToken);

    /// <summary>
    /// Writes the state and re-reads it from the answer: some instances drop an illegal move silently instead of
    /// refusing it with 403, and only the record tells.
    /// </summary>
    private async Task<ServiceNowChangeRecord> PatchStateAsync(ServiceNowChangeRecord record, ChangeState target, JsonObject fields, CancellationToken cancellationToken)
    {
        var body = (JsonObject)fields.DeepClone();
        body["state"] = ServiceNowStates.ValueOf(target);
        var request = ChangeRequest($"{ChangeTable}/{record.SysId}", Method.Patch).AddStringBody(body.ToJsonString(), ContentType.Json);
        var updated = ServiceNowChangeRecord.From(await _client.SendAsync(request, "PATCH change_request", cancellationToken));
        EnsureKnownState(updated);
        if (!updated.ChangeState.HasReached(target))
        {
            throw new ServiceDeskException(DisplayName,
                $"ServiceNow kept {record.Number} in {ServiceNowStates.Label(updated.State)} instead of moving it to {ServiceNowStates.Label(ServiceNowStates.ValueOf(target))}", isTransient: false);
        }

        ServiceNowLog.StateMoved(_logger, record.Number, ServiceNowStates.Label(record.State), ServiceNowStates.Label(updated.State));
        return updated;
    }

    private async Task<ServiceNowChangeRecord?> FindAsync(string correlationId, CancellationToken cancellationToken)
    {
        var request = ChangeRequest(ChangeTable, Method.Get)
            .AddQueryParameter("sysparm_query", $"correlation_id={correlationId}^ORDERBYsys_created_on")
            .AddQueryParameter("sysparm_limit", "1");
        var rows = await _client.SendAsync(request, "GET change_request", cancellationToken) as JsonArray;
        return rows is [{ } row, ..] ? Known(ServiceNowChangeRecord.From(row)) : null;
    }

    private async Task<ServiceNowChangeRecord> ReadAsync(ChangeReference change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!string.Equals(change.Desk, DeskName, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"{change} is not a ServiceNow change.", nameof(change));
        }

        if (!string.IsNullOrEmpty(change.Id))
        {
            var byId = ChangeRequest($"{ChangeTable}/{change.Id}", Method.Get);
            return Known(ServiceNowChangeRecord.From(await _client.SendAsync(byId, "GET change_request/{sys_id}", cancellationToken)));
        }

        var byNumber = ChangeRequest(ChangeTable, Method.Get)
            .AddQueryParameter("sysparm_query", "number=" + change.Number)
            .AddQueryParameter("sysparm_limit", "1");
        var rows = await _client.SendAsync(byNumber, "GET change_request", cancellationToken) as JsonArray;
        return rows is [{ } row, ..]
            ? Known(ServiceNowChangeRecord.From(row))
            : throw new ServiceDeskException(DisplayName, $"ServiceNow has no change {change.Number} (or hides it from this user)", isTransient: false);
    }

    private static RestRequest ChangeRequest(string resource, Method method) =>
        new RestRequest(resource, method)
            .AddQueryParameter("sysparm_fields", ServiceNowChangeRecord.Fields)
            .AddQueryParameter("sysparm_exclude_reference_link", "true");

    private static ServiceNowChangeRecord Known(ServiceNowChangeRecord record)
    {
        EnsureKnownState(record);
        return record;
    }

    private static void EnsureKnownState(ServiceNowChangeRecord record)
    {
        if (!ServiceNowStates.IsKnown(record.State))
        {
            throw new ServiceDeskException(DisplayName, $"{record.Number} is in state '{record.State}', which is not one of the base system's change states", isTransient: false);
        }
    }
}
