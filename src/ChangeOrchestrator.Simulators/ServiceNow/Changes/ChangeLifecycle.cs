using ChangeOrchestrator.Simulators.ServiceNow.Approvals;
using ChangeOrchestrator.Simulators.ServiceNow.Audit;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Changes;

/// <summary>
/// What happens when a change enters a state (the base change workflow): approvals requested on Assess and
/// Authorize, roll-up of decisions, timestamps on Implement/Review/Closed, and each state change audited in sys_audit.
/// Callers hold the store's gate.
/// </summary>
internal sealed class ChangeLifecycle(ServiceNowStore store, IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    public void Enter(ServiceNowRecord change, string state, string userName)
    {
        FieldAudit.Record(store, change, "state", change["state"], state, userName);
        change["state"] = state;
        switch (state)
        {
            case ChangeStates.New:
                ApprovalRecords.ClosePending(store, change.SysId, ApprovalValues.Cancelled, userName);
                if (change["approval"] != ApprovalValues.Rejected)
                {
                    change["approval"] = ApprovalValues.NotRequested;
                }

                break;
            case ChangeStates.Assess:
                RequestStage(change, options.CurrentValue.Approvals.AssessApprovers, userName);
                break;
            case ChangeStates.Authorize:
                RequestStage(change, options.CurrentValue.Approvals.AuthorizeApprovers, userName);
                break;
            case ChangeStates.Scheduled:
                change["approval"] = ApprovalValues.Approved;
                break;
            case ChangeStates.Implement:
                SetIfEmpty(change, "work_start", store.Now);
                break;
            case ChangeStates.Review:
                SetIfEmpty(change, "work_end", store.Now);
                break;
            case ChangeStates.Closed:
                change["active"] = "false";
                change["closed_at"] = store.Now;
                change["closed_by"] = UserSysId(userName) ?? "";
                break;
            case ChangeStates.Canceled:
                change["active"] = "false";
                ApprovalRecords.ClosePending(store, change.SysId, ApprovalValues.Cancelled, userName);
                break;
        }
    }

    /// <summary>Rolls a decision up: any rejection sends the change back to New; the last approval moves it on.</summary>
    public void OnDecision(ServiceNowRecord change, bool approved, string userName)
    {
        if (!approved)
        {
            ApprovalRecords.ClosePending(store, change.SysId, ApprovalValues.NotRequired, userName);
            change["approval"] = ApprovalValues.Rejected;
            FieldAudit.Record(store, change, "state", change["state"], ChangeStates.New, userName);
            change["state"] = ChangeStates.New;
            return;
        }

        if (ApprovalRecords.Pending(store, change.SysId).Count == 0)
        {
            CompleteStage(change, userName);
        }
    }

    private void RequestStage(ServiceNowRecord change, string approvers, string userName)
    {
        change["approval"] = ApprovalValues.Requested;
        var created = 0;
        foreach (var approver in ApproverList.Parse(approvers))
        {
            if (UserSysId(approver) is { } sysId)
            {
                ApprovalRecords.Create(store, change, sysId, userName);
                created++;
            }
        }

        if (created == 0)
        {
            CompleteStage(change, userName);
        }
    }

    private void CompleteStage(ServiceNowRecord change, string userName)
    {
        var next = change["state"] == ChangeStates.Assess ? ChangeStates.Authorize : ChangeStates.Scheduled;
        Enter(change, next, userName);
    }

    private string? UserSysId(string userName) =>
        store.Rows(UserSchema.Table).FirstOrDefault(u => string.Equals(u["user_name"], userName, StringComparison.OrdinalIgnoreCase))?.SysId;

    private static void SetIfEmpty(ServiceNowRecord record, string field, string value)
    {
        if (record[field].Length == 0)
        {
            record[field] = value;
        }
    }
}
