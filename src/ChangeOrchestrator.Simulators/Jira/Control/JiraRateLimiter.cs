using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>
/// Fixed-window burst limit per endpoint and method. A request sent while a Retry-After is still running earns the
/// full wait again, as Jira Cloud documents for early retries.
/// </summary>
internal sealed class JiraRateLimiter(IOptions<JiraSimulatorOptions> options, SimulatorClock clock)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JiraRateWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>Null when the request may proceed, else the whole seconds to wait.</summary>
    public int? TryAcquire(string routeKey)
    {
        var limit = options.Value.RateLimit;
        if (limit.PermitsPerWindow <= 0)
        {
            return null;
        }

        var now = clock.UtcNow;
        lock (_gate)
        {
            if (!_windows.TryGetValue(routeKey, out var window) || now - window.Start >= limit.Window)
            {
                window = new JiraRateWindow { Start = now };
                _windows[routeKey] = window;
            }

            if (window.PenaltyUntil > now)
            {
                window.PenaltyUntil = now + TimeSpan.FromSeconds(window.PenaltySeconds);
                return window.PenaltySeconds;
            }

            if (++window.Count <= limit.PermitsPerWindow)
            {
                return null;
            }

            var seconds = Math.Max(1, (int)Math.Ceiling((window.Start + limit.Window - now).TotalSeconds));
            window.PenaltySeconds = seconds;
            window.PenaltyUntil = now + TimeSpan.FromSeconds(seconds);
            return seconds;
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _windows.Clear();
        }
    }
}
