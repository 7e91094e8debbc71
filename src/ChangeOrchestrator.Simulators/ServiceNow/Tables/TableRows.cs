namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>A table's rows in insertion order, which is the order of an unsorted query.</summary>
internal sealed class TableRows
{
    private readonly List<ServiceNowRecord> _ordered = [];
    private readonly Dictionary<string, ServiceNowRecord> _bySysId = new(StringComparer.Ordinal);

    public IReadOnlyList<ServiceNowRecord> All => _ordered;

    public ServiceNowRecord? Find(string sysId) => _bySysId.GetValueOrDefault(sysId);

    public void Add(ServiceNowRecord record)
    {
        _ordered.Add(record);
        _bySysId[record.SysId] = record;
    }

    public bool Remove(string sysId)
    {
        if (!_bySysId.Remove(sysId, out var record))
        {
            return false;
        }

        _ordered.Remove(record);
        return true;
    }
}
