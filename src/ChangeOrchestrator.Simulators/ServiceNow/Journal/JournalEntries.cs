using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Journal;

/// <summary>sys_journal_field rows: one per work note or comment written to a record.</summary>
internal static class JournalEntries
{
    public static void Append(ServiceNowStore store, ServiceNowRecord record, string element, string text, string userName)
    {
        var entry = store.NewRecord(JournalSchema.Table, userName);
        entry["element"] = element;
        entry["element_id"] = record.SysId;
        entry["name"] = record.Table;
        entry["value"] = text;
        store.Insert(entry);
    }

    /// <summary>A record's entries of one journal field, oldest first.</summary>
    public static IEnumerable<ServiceNowRecord> For(ServiceNowStore store, string sysId, string element) =>
        store.Rows(JournalSchema.Table).Where(e => e["element_id"] == sysId && e["element"] == element);

    public static void RemoveAll(ServiceNowStore store, string sysId)
    {
        foreach (var entry in store.Rows(JournalSchema.Table).Where(e => e["element_id"] == sysId).ToList())
        {
            store.Remove(JournalSchema.Table, entry.SysId);
        }
    }

    public static string Label(string element) => element switch
    {
        "work_notes" => "Work notes",
        "comments" => "Additional comments",
        _ => element,
    };
}
