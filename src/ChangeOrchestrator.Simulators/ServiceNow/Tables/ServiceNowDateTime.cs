using System.Globalization;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>The instance's date/time wire format: "YYYY-MM-DD HH:MM:SS" in UTC.</summary>
internal static class ServiceNowDateTime
{
    public static string Format(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
