using System.Text.Json.Nodes;
using ChangeOrchestrator.Simulators.ServiceNow.Http;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>
/// Writes to tables without business logic of their own (the CMDB, affected CIs, schedules), under the table's ACLs:
/// the operations its <see cref="TableAccess"/> allows, by admins only where it says so, else by the itil role; a
/// data policy refuses an insert without its mandatory fields. Callers hold the store's gate.
/// </summary>
internal sealed class PlainRecordWriter(ServiceNowStore store, FieldWriter writer)
{
    private static readonly HashSet<string> NothingHandled = new(StringComparer.Ordinal);

    public WriteOutcome Create(TableSchema schema, JsonObject body, WriteContext context)
    {
        if (!Allowed(schema, TableAccess.Insert, context))
        {
            return WriteOutcome.Refused(ServiceNowError.AclDenied("Insert"));
        }

        var record = store.NewRecord(schema.Name, context.User.UserName);
        var ignored = new List<string>();
        writer.Apply(record, body, context, NothingHandled, ignored);
        var missing = schema.MandatoryFields.Where(f => record[f].Length == 0).ToList();
        if (missing.Count > 0)
        {
            return WriteOutcome.Refused(ServiceNowError.OperationFailed(
                $"Data Policy Exception: The following fields are mandatory: {string.Join(", ", missing)}"));
        }

        store.Insert(record);
        return WriteOutcome.Saved(record, ignored);
    }

    public WriteOutcome Update(TableSchema schema, ServiceNowRecord record, JsonObject body, WriteContext context)
    {
        if (!Allowed(schema, TableAccess.Update, context))
        {
            return WriteOutcome.Refused(ServiceNowError.AclDenied("Update"));
        }

        var ignored = new List<string>();
        if (writer.Apply(record, body, context, NothingHandled, ignored))
        {
            store.Touch(record, context.User.UserName);
        }

        return WriteOutcome.Saved(record, ignored);
    }

    public ServiceNowError? Delete(TableSchema schema, ServiceNowRecord record, WriteContext context)
    {
        if (!Allowed(schema, TableAccess.Delete, context))
        {
            return ServiceNowError.AclDenied("Delete");
        }

        store.Remove(schema.Name, record.SysId);
        return null;
    }

    private static bool Allowed(TableSchema schema, TableAccess operation, WriteContext context) =>
        schema.Access.HasFlag(operation) && (schema.AdminWrites ? context.User.IsAdmin : context.User.CanWriteChanges);
}
