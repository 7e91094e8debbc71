using System.Globalization;

namespace ChangeOrchestrator.Patching.ChangeRequests.Conflicts;

internal static class ConflictTimes
{
    public static string Show(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whether two periods share an instant; touching ends (one ends when the other starts) do not overlap.</summary>
    public static bool Overlap(DateTimeOffset start, DateTimeOffset end, DateTimeOffset otherStart, DateTimeOffset otherEnd) =>
        start < otherEnd && otherStart < end;
}
