using ChangeOrchestrator.Simulators.Aws.Configuration;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>
/// The account's ChangeCalendar documents: from configuration, set through the control API, or created with
/// CreateDocument and changed with UpdateDocument; each keeps its versions.
/// </summary>
internal sealed class ChangeCalendarStore
{
    public const string DefaultCalendarName = "ChangeFreeze";

    private readonly Dictionary<string, CalendarDocument> _documents = new(StringComparer.Ordinal);
    private readonly DateTimeOffset _seededAt;

    public ChangeCalendarStore(IEnumerable<ChangeCalendarOptions> configured, DateTimeOffset now)
    {
        _seededAt = now;
        foreach (var options in configured)
        {
            Put(FromOptions(options.Name, options));
        }

        if (_documents.Count == 0)
        {
            Put(new ChangeCalendar(DefaultCalendarName, defaultOpen: true, []));
        }
    }

    public IReadOnlyList<CalendarDocument> Documents => [.. _documents.Values.OrderBy(d => d.Name, StringComparer.Ordinal)];

    /// <summary>By document name or by ARN (<c>arn:aws:ssm:region:account:document/Name</c>).</summary>
    public ChangeCalendar? Find(string nameOrArn) => Document(nameOrArn)?.Calendar;

    public CalendarDocument? Document(string nameOrArn)
    {
        var slash = nameOrArn.LastIndexOf('/');
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? nameOrArn[(slash + 1)..] : nameOrArn;
        return _documents.GetValueOrDefault(name);
    }

    /// <summary>Sets a calendar as the control API does: a new version that becomes the default one.</summary>
    public void Put(ChangeCalendar calendar)
    {
        if (!_documents.TryGetValue(calendar.Name, out var document))
        {
            document = new CalendarDocument { Name = calendar.Name, CreatedDate = _seededAt, Calendar = calendar };
            _documents[calendar.Name] = document;
        }

        document.Versions.Add(ICalendarContent.Render(calendar));
        document.DefaultVersion = document.LatestVersion;
        document.Calendar = calendar;
    }

    public CalendarDocument Create(string name, string content, DateTimeOffset now)
    {
        var document = new CalendarDocument { Name = name, CreatedDate = now, Calendar = ICalendarContent.Parse(name, content) };
        document.Versions.Add(content);
        _documents[name] = document;
        return document;
    }

    public bool Remove(string name) => _documents.Remove(name);

    public static ChangeCalendar FromOptions(string name, ChangeCalendarOptions options) => new(
        name,
        options.DefaultState != "CLOSED",
        [.. options.Events.Select(e => new ChangeCalendarEvent(e.Summary, e.Start, e.End))]);
}
