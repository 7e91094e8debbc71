using System.Globalization;
using RestSharp;

namespace ChangeOrchestrator.Connectors.Resilience;

/// <summary>Reads Retry-After as seconds or as an HTTP date (both are allowed by RFC 9110).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(RestResponse response, DateTimeOffset now)
    {
        var value = response.Headers?.FirstOrDefault(h => string.Equals(h.Name, "Retry-After", StringComparison.OrdinalIgnoreCase))?.Value;
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date > now ? date - now : TimeSpan.Zero
            : null;
    }
}
