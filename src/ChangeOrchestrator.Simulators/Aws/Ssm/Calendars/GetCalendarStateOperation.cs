using System.Globalization;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Calendars;

/// <summary>GetCalendarState: OPEN only when every named calendar is open; NextTransitionTime when the combined state next flips.</summary>
internal sealed class GetCalendarStateOperation : ISsmOperation
{
    public string Name => "GetCalendarState";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var names = input.Strings("CalendarNames");
        if (names.Count == 0)
        {
            throw SsmErrors.Required("CalendarNames");
        }

        var calendars = names.Select(name => world.Calendars.Find(name)
            ?? (Documents.SsmDocuments.Find(name) is not null
                ? throw new SsmServiceException("InvalidDocumentType", $"Document {name} is not a ChangeCalendar document.")
                : throw new SsmServiceException("InvalidDocument", $"Calendar {name} does not exist or is not shared with this account."))).ToList();
        var at = world.Now;
        if (input.String("AtTime") is { } atTime && !SsmJson.TryParseIso(atTime, out at))
        {
            throw SsmErrors.Validation("atTime", "Member must be an ISO 8601 date and time", atTime);
        }

        var open = IsOpen(calendars, at);
        var result = new JsonObject { ["State"] = open ? "OPEN" : "CLOSED", ["AtTime"] = Format(at) };
        var next = calendars.SelectMany(c => c.BoundariesAfter(at)).Distinct().Order().FirstOrDefault(b => IsOpen(calendars, b) != open);
        if (next != default)
        {
            result["NextTransitionTime"] = Format(next);
        }

        return result;
    }

    private static bool IsOpen(List<ChangeCalendar> calendars, DateTimeOffset at) => calendars.TrueForAll(c => c.IsOpenAt(at));

    private static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
