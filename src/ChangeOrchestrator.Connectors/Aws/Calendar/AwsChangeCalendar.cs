using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Patching.Calendar;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Connectors.Aws.Calendar;

/// <summary><see cref="IChangeCalendar"/> on SSM Change Calendar (GetCalendarState).</summary>
internal sealed class AwsChangeCalendar(AwsClients clients, AwsCalls calls, TimeProvider timeProvider) : IChangeCalendar
{
    public async Task<CalendarStatus> GetStateAsync(IReadOnlyList<string> calendarNames, DateTimeOffset? atTime, CancellationToken cancellationToken)
    {
        if (calendarNames.Count == 0)
        {
            throw new FleetException("At least one change calendar name is needed.", isTransient: false);
        }

        var request = new GetCalendarStateRequest { CalendarNames = [.. calendarNames] };
        if (atTime is { } at)
        {
            request.AtTime = Format(at);
        }

        var response = await calls.RunAsync("SSM GetCalendarState", token => clients.Ssm.GetCalendarStateAsync(request, token), cancellationToken);
        return new CalendarStatus
        {
            State = response.State == CalendarState.OPEN ? ChangeCalendarState.Open : ChangeCalendarState.Closed,
            AtTime = Parse(response.AtTime) ?? atTime ?? timeProvider.GetUtcNow(),
            NextTransitionAt = Parse(response.NextTransitionTime),
        };
    }

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // The calendar times are ISO-8601 strings in the API model, not timestamps.
    private static DateTimeOffset? Parse(string? text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;
}
