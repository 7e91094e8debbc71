using ChangeOrchestrator.Simulators.ServiceNow.Tables.Schemas;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The tables this instance has.</summary>
internal sealed class TableCatalog
{
    private readonly Dictionary<string, TableSchema> _tables = new[]
    {
        ChangeRequestSchema.Create(),
        ApprovalSchema.Create(),
        JournalSchema.Create(),
        AuditSchema.Create(),
        UserSchema.Create(),
        GroupSchema.Create(),
        ChangeModelSchema.Create(),
        StandardChangeTemplateSchema.Create(),
        AttachmentSchema.Create(),
        ServerSchema.Create(),
        TaskCiSchema.Create(),
        ScheduleSchema.Create(),
        ScheduleSpanSchema.Create(),
    }.ToDictionary(t => t.Name, StringComparer.Ordinal);

    public TableSchema? Find(string table) => _tables.GetValueOrDefault(table);

    public TableSchema Get(string table) => _tables[table];

    public IEnumerable<TableSchema> All => _tables.Values;
}
