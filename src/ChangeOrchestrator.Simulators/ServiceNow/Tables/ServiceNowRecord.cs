namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>A row: every value a string, a missing value read as "" (as the instance returns empty fields).</summary>
internal sealed class ServiceNowRecord
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public ServiceNowRecord(string table, string sysId)
    {
        Table = table;
        SysId = sysId;
        _values[SystemFields.SysId] = sysId;
    }

    public string Table { get; }

    public string SysId { get; }

    public string this[string field]
    {
        get => _values.GetValueOrDefault(field, "");
        set => _values[field] = value;
    }
}
