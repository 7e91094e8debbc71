using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Changes;
using ChangeOrchestrator.Simulators.ServiceNow.Http;
using ChangeOrchestrator.Simulators.ServiceNow.Journal;
using ChangeOrchestrator.Simulators.ServiceNow.Notifications;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>
/// Approving or rejecting: through a Table API write to the approver record, the Change Management API, the approval
/// page or the control API, all roll up the same way. Callers hold the store's gate.
/// </summary>
internal sealed class ApprovalDecisions(ServiceNowStore store, ChangeLifecycle lifecycle, ChangeNotifier notifier, FieldWriter writer)
{
    private static readonly HashSet<string> HandledFields = new(StringComparer.Ordinal) { "state", "comments" };

    /// <summary>A PATCH/PUT of a sysapproval_approver record: its approver (or an admin) sets state and comments.</summary>
    public WriteOutcome Update(ServiceNowRecord approval, JsonObject body, WriteContext context)
    {
        if (!context.User.IsAdmin && approval["approver"] != context.User.SysId)
        {
            return WriteOutcome.Refused(ServiceNowError.AclDenied("Update"));
        }

        var comment = JsonBodyReader.ToFieldValue(body["comments"]);
        var state = JsonBodyReader.ToFieldValue(body["state"]);
        if (state.Length > 0 && state != approval["state"])
        {
            if (state is not (ApprovalValues.Approved or ApprovalValues.Rejected))
            {
                return WriteOutcome.Refused(ServiceNowError.OperationFailed($"An approval can only be set to approved or rejected, not '{state}'"));
            }

            var error = Decide(approval, state == ApprovalValues.Approved, comment, context.User.UserName);
            if (error is not null)
            {
                return WriteOutcome.Refused(error);
            }

            comment = "";
        }

        var ignored = new List<string>();
        var changed = writer.Apply(approval, body, context, HandledFields, ignored);
        if (comment.Length > 0)
        {
            JournalEntries.Append(store, approval, "comments", comment, context.User.UserName);
            changed = true;
        }

        if (changed)
        {
            store.Touch(approval, context.User.UserName);
        }

        return WriteOutcome.Saved(approval, ignored);
    }

    /// <summary>Decides a pending approval as the given user and rolls the decision up into the change.</summary>
    public ServiceNowError? Decide(ServiceNowRecord approval, bool approve, string comment, string userName)
    {
        if (approval["state"] != ApprovalValues.Requested)
        {
            return ServiceNowError.OperationFailed($"The approval is no longer pending (state {approval["state"]})");
        }

        var change = store.Find(ChangeRequestSchema.Table, approval["sysapproval"]);
        approval["state"] = approve ? ApprovalValues.Approved : ApprovalValues.Rejected;
        if (comment.Length > 0)
        {
            JournalEntries.Append(store, approval, "comments", comment, userName);
        }

        store.Touch(approval, userName);
        if (change is not null)
        {
            var before = ChangeSnapshot.Of(change);
            lifecycle.OnDecision(change, approve, userName);
            if (before != ChangeSnapshot.Of(change))
            {
                store.Touch(change, userName);
            }

            notifier.NotifyIfChanged(before, change);
        }

        return null;
    }

    /// <summary>
    /// Decides every pending approval of a change (or only the named approver's) on the approvers' behalf; a
    /// rejection ends the others. Returns the number of approvals decided.
    /// </summary>
    public int DecideAll(ServiceNowRecord change, bool approve, string? approverUserName, string comment)
    {
        var decided = 0;
        foreach (var approval in ApprovalRecords.Pending(store, change.SysId))
        {
            var approver = store.Find(UserSchema.Table, approval["approver"]);
            var userName = approver?["user_name"] ?? "system";
            var matches = approverUserName is null || string.Equals(userName, approverUserName, StringComparison.OrdinalIgnoreCase);
            if (matches && approval["state"] == ApprovalValues.Requested && Decide(approval, approve, comment, userName) is null)
            {
                decided++;
            }
        }

        return decided;
    }
}
