using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Approvals;

/// <summary>The sysapproval_approver rows of a change.</summary>
internal static class ApprovalRecords
{
    public static ServiceNowRecord Create(ServiceNowStore store, ServiceNowRecord change, string approverSysId, string createdBy)
    {
        var approval = store.NewRecord(ApprovalSchema.Table, createdBy);
        approval["approver"] = approverSysId;
        approval["state"] = ApprovalValues.Requested;
        approval["sysapproval"] = change.SysId;
        approval["document_id"] = change.SysId;
        approval["source_table"] = change.Table;
        store.Insert(approval);
        return approval;
    }

    public static IEnumerable<ServiceNowRecord> Of(ServiceNowStore store, string changeSysId) =>
        store.Rows(ApprovalSchema.Table).Where(a => a["sysapproval"] == changeSysId);

    public static List<ServiceNowRecord> Pending(ServiceNowStore store, string changeSysId) =>
        [.. Of(store, changeSysId).Where(a => a["state"] == ApprovalValues.Requested)];

    /// <summary>Ends the pending approvals of a change that no longer needs them.</summary>
    public static void ClosePending(ServiceNowStore store, string changeSysId, string state, string updatedBy)
    {
        foreach (var approval in Pending(store, changeSysId))
        {
            approval["state"] = state;
            store.Touch(approval, updatedBy);
        }
    }
}
