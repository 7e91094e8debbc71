namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>A table's columns in response order, the field shown when a record is referenced, and who may write it.</summary>
internal sealed class TableSchema
{
    private readonly Dictionary<string, FieldDefinition> _byName;

    public TableSchema(string name, string displayField, TableAccess access, IEnumerable<FieldDefinition> fields)
    {
        Name = name;
        DisplayField = displayField;
        Access = access;
        Fields = [.. SystemFields.Common(), .. fields];
        _byName = Fields.ToDictionary(f => f.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public string DisplayField { get; }

    public TableAccess Access { get; }

    public IReadOnlyList<FieldDefinition> Fields { get; }

    /// <summary>Only admins write this table (the CMDB and schedules); other writable tables take the itil role.</summary>
    public bool AdminWrites { get; init; }

    /// <summary>Fields a data policy makes mandatory on insert.</summary>
    public IReadOnlyList<string> MandatoryFields { get; init; } = [];

    public FieldDefinition? Find(string name) => _byName.GetValueOrDefault(name);
}
