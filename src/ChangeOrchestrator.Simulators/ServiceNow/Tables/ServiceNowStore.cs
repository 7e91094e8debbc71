using System.Globalization;
using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>
/// The instance's database. Not thread-safe by itself: every reader and writer holds <see cref="Gate"/>, so one
/// request's reads and writes form a transaction.
/// </summary>
internal sealed class ServiceNowStore
{
    private readonly Dictionary<string, TableRows> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, byte[]> _attachmentContent = new(StringComparer.Ordinal);
    private readonly IOptionsMonitor<ServiceNowSimulatorOptions> _options;
    private readonly SimulatorClock _clock;
    private SysIdGenerator _ids;
    private int _nextChangeNumber;

    public ServiceNowStore(TableCatalog catalog, IOptionsMonitor<ServiceNowSimulatorOptions> options, SimulatorClock clock)
    {
        Catalog = catalog;
        _options = options;
        _clock = clock;
        _ids = new SysIdGenerator(options.CurrentValue.Seed);
        Reset();
    }

    public Lock Gate { get; } = new();

    /// <summary>Raised under <see cref="Gate"/> after <see cref="Reset"/>, so data from other sources can be put back.</summary>
    public event Action? Reseeded;

    public TableCatalog Catalog { get; }

    public string Now => ServiceNowDateTime.Format(_clock.UtcNow);

    public IEnumerable<ServiceNowRecord> Rows(string table) =>
        _tables.TryGetValue(table, out var rows) ? rows.All : [];

    public ServiceNowRecord? Find(string table, string sysId) =>
        _tables.TryGetValue(table, out var rows) ? rows.Find(sysId) : null;

    /// <summary>A new record with every column present (empty) and the sys_ fields set, not yet inserted.</summary>
    public ServiceNowRecord NewRecord(string table, string createdBy)
    {
        var record = new ServiceNowRecord(table, _ids.Next());
        foreach (var field in Catalog.Get(table).Fields.Where(f => f.Name != SystemFields.SysId))
        {
            record[field.Name] = field.Kind == FieldKind.Boolean ? "false" : "";
        }

        var now = Now;
        record[SystemFields.CreatedOn] = now;
        record[SystemFields.CreatedBy] = createdBy;
        record[SystemFields.UpdatedOn] = now;
        record[SystemFields.UpdatedBy] = createdBy;
        record[SystemFields.ModCount] = "0";
        return record;
    }

    public void Insert(ServiceNowRecord record) => _tables[record.Table].Add(record);

    public bool Remove(string table, string sysId)
    {
        _attachmentContent.Remove(sysId);
        return _tables.TryGetValue(table, out var rows) && rows.Remove(sysId);
    }

    /// <summary>Marks a record as written: the instance bumps these on every update that changes something.</summary>
    public void Touch(ServiceNowRecord record, string updatedBy)
    {
        record[SystemFields.UpdatedOn] = Now;
        record[SystemFields.UpdatedBy] = updatedBy;
        record[SystemFields.ModCount] = (int.Parse(record[SystemFields.ModCount], CultureInfo.InvariantCulture) + 1)
            .ToString(CultureInfo.InvariantCulture);
    }

    public string NextChangeNumber() => "CHG" + (_nextChangeNumber++).ToString("D7", CultureInfo.InvariantCulture);

    public void SetAttachmentContent(string sysId, byte[] content) => _attachmentContent[sysId] = content;

    public byte[]? GetAttachmentContent(string sysId) => _attachmentContent.GetValueOrDefault(sysId);

    /// <summary>Back to the seeded state: same ids, numbers from the configured start, no changes.</summary>
    public void Reset()
    {
        var options = _options.CurrentValue;
        _ids = new SysIdGenerator(options.Seed);
        _nextChangeNumber = options.FirstChangeNumber;
        _attachmentContent.Clear();
        _tables.Clear();
        foreach (var schema in Catalog.All)
        {
            _tables[schema.Name] = new TableRows();
        }

        ServiceNowSeed.Apply(this, options);
        Reseeded?.Invoke();
    }
}
