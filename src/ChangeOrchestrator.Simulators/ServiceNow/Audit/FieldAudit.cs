using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Audit;

/// <summary>
/// sys_audit rows, as the instance writes them for audited fields: which record, which field, the value before and
/// after, who and when, and the update count it belongs to. Callers hold the store's gate.
/// </summary>
internal static class FieldAudit
{
    public static void Record(ServiceNowStore store, ServiceNowRecord record, string field, string oldValue, string newValue, string userName)
    {
        if (oldValue == newValue)
        {
            return;
        }

        var entry = store.NewRecord(AuditSchema.Table, userName);
        entry["tablename"] = record.Table;
        entry["documentkey"] = record.SysId;
        entry["fieldname"] = field;
        entry["oldvalue"] = oldValue;
        entry["newvalue"] = newValue;
        entry["user"] = userName;

        // The update this change is part of: the record's next modification count.
        entry["record_checkpoint"] = (int.Parse(record[SystemFields.ModCount] is { Length: > 0 } count ? count : "0", CultureInfo.InvariantCulture) + 1)
            .ToString(CultureInfo.InvariantCulture);
        store.Insert(entry);
    }

    /// <summary>A record's history of one field, oldest first.</summary>
    public static IEnumerable<ServiceNowRecord> For(ServiceNowStore store, string sysId, string field) =>
        store.Rows(AuditSchema.Table).Where(e => e["documentkey"] == sysId && e["fieldname"] == field);

    public static void RemoveAll(ServiceNowStore store, string sysId)
    {
        foreach (var entry in store.Rows(AuditSchema.Table).Where(e => e["documentkey"] == sysId).ToList())
        {
            store.Remove(AuditSchema.Table, entry.SysId);
        }
    }
}
