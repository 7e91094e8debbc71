namespace ChangeOrchestrator.Patching.Calendar;

/// <summary>Change freezes as the organisation's change calendars declare them.</summary>
public interface IChangeCalendar
{
    /// <summary>The combined state of the calendars now, or at <paramref name="atTime"/>.</summary>
    Task<CalendarStatus> GetStateAsync(IReadOnlyList<string> calendarNames, DateTimeOffset? atTime, CancellationToken cancellationToken);
}
