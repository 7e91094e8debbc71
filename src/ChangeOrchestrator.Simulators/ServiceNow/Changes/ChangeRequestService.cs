using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Attachments;
using ChangeOrchestrator.Simulators.ServiceNow.Audit;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Journal;
using ChangeOrchestrator.Simulators.ServiceNow.Notifications;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Changes;

/// <summary>
/// Inserts, updates and deletes change requests with the guards of the change model. Every guard is checked before
/// anything is written, so a refused write leaves the record as it was. Callers hold the store's gate.
/// </summary>
internal sealed class ChangeRequestService(
    ServiceNowStore store,
    FieldWriter writer,
    ChangeLifecycle lifecycle,
    ChangeNotifier notifier,
    IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    private static readonly HashSet<string> HandledFields = new(StringComparer.Ordinal) { "state", "type" };

    public WriteOutcome Create(JsonObject body, WriteContext context, ServiceNowRecord? template = null)
    {
        if (!context.User.CanWriteChanges)
        {
            return WriteOutcome.Refused(ServiceNowError.AclDenied("Insert"));
        }

        var type = body.ContainsKey("type") ? ParseType(body["type"]) : template is null ? ChangeTypes.Normal : ChangeTypes.Standard;
        if (!ChangeTypes.IsKnown(type))
        {
            return WriteOutcome.Refused(ServiceNowError.OperationFailed($"Invalid change type '{type}'"));
        }

        var ignored = new List<string>();
        var (target, error) = CheckTarget(body, context, type, ChangeStates.New, ValuesOf(body, null), ignored);
        if (error is not null)
        {
            return WriteOutcome.Refused(error);
        }

        var change = NewChange(type, context, template);
        writer.Apply(change, body, context, HandledFields, ignored);
        if (change["requested_by"].Length == 0)
        {
            change["requested_by"] = context.User.SysId;
        }

        store.Insert(change);
        if (target is not null && target != ChangeStates.New)
        {
            lifecycle.Enter(change, target, context.User.UserName);
        }

        return WriteOutcome.Saved(change, ignored);
    }

    public WriteOutcome Update(ServiceNowRecord change, JsonObject body, WriteContext context)
    {
        if (!context.User.CanWriteChanges)
        {
            return WriteOutcome.Refused(ServiceNowError.AclDenied("Update"));
        }

        var ignored = new List<string>();
        var (type, typeError) = CheckType(change, body, ignored);
        if (typeError is not null)
        {
            return WriteOutcome.Refused(typeError);
        }

        var (target, error) = CheckTarget(body, context, type, change["state"], ValuesOf(body, change), ignored);
        if (error is not null)
        {
            return WriteOutcome.Refused(error);
        }

        var before = ChangeSnapshot.Of(change);
        var changed = writer.Apply(change, body, context, HandledFields, ignored);
        if (type != change["type"])
        {
            change["type"] = type;
            change["chg_model"] = ModelFor(type);
            changed = true;
        }

        if (target is not null && target != change["state"])
        {
            lifecycle.Enter(change, target, context.User.UserName);
            changed = true;
        }

        if (changed)
        {
            store.Touch(change, context.User.UserName);
        }

        notifier.NotifyIfChanged(before, change);
        return WriteOutcome.Saved(change, ignored);
    }

    /// <summary>Deletes a change with what cascades from it: approvals, journal entries, attachments, affected CIs.</summary>
    public ServiceNowError? Delete(ServiceNowRecord change, WriteContext context)
    {
        if (!context.User.IsAdmin)
        {
            return ServiceNowError.AclDenied("Delete");
        }

        foreach (var approval in ApprovalRecords.Of(store, change.SysId).ToList())
        {
            JournalEntries.RemoveAll(store, approval.SysId);
            store.Remove(ApprovalSchema.Table, approval.SysId);
        }

        foreach (var attachment in AttachmentRecords.Of(store, change.SysId).ToList())
        {
            store.Remove(AttachmentSchema.Table, attachment.SysId);
        }

        foreach (var affected in store.Rows(TaskCiSchema.Table).Where(r => r["task"] == change.SysId).ToList())
        {
            store.Remove(TaskCiSchema.Table, affected.SysId);
        }

        JournalEntries.RemoveAll(store, change.SysId);
        FieldAudit.RemoveAll(store, change.SysId);
        store.Remove(ChangeRequestSchema.Table, change.SysId);
        return null;
    }

    private ServiceNowRecord NewChange(string type, WriteContext context, ServiceNowRecord? template)
    {
        var change = store.NewRecord(ChangeRequestSchema.Table, context.User.UserName);
        change["number"] = store.NextChangeNumber();
        change["sys_class_name"] = ChangeRequestSchema.Table;
        change["type"] = type;
        change["chg_model"] = ModelFor(type);
        change["state"] = ChangeStates.New;
        change["approval"] = ApprovalValues.NotRequested;
        change["active"] = "true";
        change["impact"] = "3";
        change["urgency"] = "3";
        change["priority"] = "4";
        change["risk"] = "3";
        change["upon_reject"] = "cancel";
        change["opened_by"] = context.User.SysId;
        change["opened_at"] = store.Now;
        if (template is not null)
        {
            change["std_change_producer_version"] = template.SysId;
            foreach (var field in new[] { "short_description", "description", "implementation_plan", "backout_plan", "test_plan" })
            {
                change[field] = template[field];
            }
        }

        return change;
    }

    private (string Type, ServiceNowError? Error) CheckType(ServiceNowRecord change, JsonObject body, List<string> ignored)
    {
        var current = change["type"];
        var requested = body.ContainsKey("type") ? ParseType(body["type"]) : current;
        if (requested == current)
        {
            return (current, null);
        }

        string? refusal = null;
        if (!ChangeTypes.IsKnown(requested))
        {
            refusal = $"Invalid change type '{requested}'";
        }
        else if (change["state"] != ChangeStates.New || ApprovalRecords.Of(store, change.SysId).Any())
        {
            refusal = "The type of a change can be changed only while it is New and has no approvals";
        }

        return refusal is null ? (requested, null) : Refuse(refusal, current, "type", ignored);
    }

    private (string? Target, ServiceNowError? Error) CheckTarget(
        JsonObject body, WriteContext context, string type, string from, (string CloseCode, string CloseNotes) close, List<string> ignored)
    {
        if (!body.TryGetPropertyValue("state", out var node) || JsonBodyReader.ToFieldValue(node) is not { Length: > 0 } raw)
        {
            return (null, null);
        }

        var target = ChangeStates.Field.Choices.ContainsKey(raw) ? raw
            : context.AcceptStateLabels || context.InputDisplayValue ? ChangeStates.Parse(raw) : null;
        var refusal = target is null
            ? $"Invalid state value '{raw}'"
            : ChangeStateMachine.Refusal(type, from, target) ?? CloseRefusal(from, target, close);
        return refusal is null ? (target, null) : Refuse<string?>(refusal, null, "state", ignored);
    }

    private static string? CloseRefusal(string from, string target, (string CloseCode, string CloseNotes) close)
    {
        if (target != ChangeStates.Closed || from == ChangeStates.Closed)
        {
            return null;
        }

        if (!ChangeRequestSchema.CloseCodes.Contains(close.CloseCode))
        {
            return "Close code is mandatory to close a change (successful, successful_issues or unsuccessful)";
        }

        return close.CloseNotes.Trim().Length == 0 ? "Close notes are mandatory to close a change" : null;
    }

    /// <summary>Per <see cref="GuardFailureMode"/>: fail the write, or drop the refused part and keep the rest.</summary>
    private (T Value, ServiceNowError? Error) Refuse<T>(string refusal, T unchanged, string field, List<string> ignored)
    {
        if (options.CurrentValue.GuardFailureMode == GuardFailureMode.Reject)
        {
            return (unchanged, ServiceNowError.OperationFailed(refusal));
        }

        ignored.Add(field);
        return (unchanged, null);
    }

    private static (string CloseCode, string CloseNotes) ValuesOf(JsonObject body, ServiceNowRecord? change) =>
    (
        body.ContainsKey("close_code") ? JsonBodyReader.ToFieldValue(body["close_code"]) : change?["close_code"] ?? "",
        body.ContainsKey("close_notes") ? JsonBodyReader.ToFieldValue(body["close_notes"]) : change?["close_notes"] ?? ""
    );

    private static string ParseType(JsonNode? node) => JsonBodyReader.ToFieldValue(node).Trim().ToLowerInvariant();

    private string ModelFor(string type) =>
        store.Rows(ChangeModelSchema.Table).FirstOrDefault(m => m["type"] == type)?.SysId ?? "";
}
