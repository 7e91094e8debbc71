using System.Text;
using ChangeOrchestrator.Simulators.ServiceNow.Tables;
using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Journal;

/// <summary>
/// The display value of a journal field: every entry, newest first, headed
/// "2024-03-05 10:15:22 - System Administrator (Work notes)" as the instance renders it.
/// </summary>
internal sealed class JournalFormatter(ServiceNowStore store)
{
    public string Format(ServiceNowRecord record, string element)
    {
        var text = new StringBuilder();
        foreach (var entry in JournalEntries.For(store, record.SysId, element).Reverse())
        {
            text.Append(entry[SystemFields.CreatedOn]).Append(" - ").Append(UserDisplayName(entry[SystemFields.CreatedBy]))
                .Append(" (").Append(JournalEntries.Label(element)).Append(")\n")
                .Append(entry["value"]).Append("\n\n");
        }

        return text.ToString();
    }

    private string UserDisplayName(string userName) =>
        store.Rows(UserSchema.Table).FirstOrDefault(u => u["user_name"] == userName)?["name"] is { Length: > 0 } name ? name : userName;
}
