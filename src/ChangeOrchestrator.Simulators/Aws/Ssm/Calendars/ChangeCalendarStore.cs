using ChangeOrchestrator.Simulators.Aws.Configuration;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>The account's Change Calendar documents, from configuration or set through the control API.</summary>
internal sealed class ChangeCalendarStore
{
    public const string DefaultCalendarName = "ChangeFreeze";

    private readonly Dictionary<string, ChangeCalendar> _calendars = new(StringComparer.Ordinal);

    public ChangeCalendarStore(IEnumerable<ChangeCalendarOptions> configured)
    {
        foreach (var options in configured)
        {
            Put(FromOptions(options.Name, options));
        }

        if (_calendars.Count == 0)
        {
            Put(new ChangeCalendar(DefaultCalendarName, defaultOpen: true, []));
        }
    }

    /// <summary>By document name or by ARN (<c>arn:aws:ssm:region:account:document/Name</c>).</summary>
    public ChangeCalendar? Find(string nameOrArn)
    {
        var slash = nameOrArn.LastIndexOf('/');
        var name = nameOrArn.StartsWith("arn:", StringComparison.Ordinal) && slash > 0 ? nameOrArn[(slash + 1)..] : nameOrArn;
        return _calendars.GetValueOrDefault(name);
    }

    public void Put(ChangeCalendar calendar) => _calendars[calendar.Name] = calendar;

    public static ChangeCalendar FromOptions(string name, ChangeCalendarOptions options) => new(
        name,
        options.DefaultState != "CLOSED",
        [.. options.Events.Select(e => new ChangeCalendarEvent(e.Summary, e.Start, e.End))]);
}
