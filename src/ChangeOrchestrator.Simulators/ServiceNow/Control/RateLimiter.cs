using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using ChangeOrchestrator.Simulators.Shared;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>
/// An hourly sys_rate_limit_rules rule for all users, counted per user per clock hour. Counts are exact at once
/// (the instance flushes them every ~30 s, so it lets a few extra requests through).
/// </summary>
internal sealed class RateLimiter(SimulatorClock clock, IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(string User, long Window), int> _counts = [];
    private bool? _enabledOverride;
    private int? _limitOverride;

    public void Configure(bool enabled, int? requestsPerHour)
    {
        lock (_gate)
        {
            _enabledOverride = enabled;
            _limitOverride = requestsPerHour;
            _counts.Clear();
        }
    }

    /// <summary>Counts one request of a user and reports the rule's standing afterwards.</summary>
    public RateLimitState Count(string userName)
    {
        lock (_gate)
        {
            var state = Describe();
            if (!state.Enabled)
            {
                return state;
            }

            var window = state.ResetEpochSeconds - 3600;
            var key = (userName.ToLowerInvariant(), window);
            _counts[key] = _counts.GetValueOrDefault(key) + 1;
            foreach (var stale in _counts.Keys.Where(k => k.Window != window).ToList())
            {
                _counts.Remove(stale);
            }

            return state with { Used = _counts[key] };
        }
    }

    public RateLimitState Describe()
    {
        var now = clock.UtcNow.ToUnixTimeSeconds();
        var reset = (now / 3600 + 1) * 3600;
        var rule = options.CurrentValue.RateLimit;
        lock (_gate)
        {
            return new RateLimitState(_enabledOverride ?? rule.Enabled, _limitOverride ?? rule.RequestsPerHour, 0, reset, (int)(reset - now), rule.RuleSysId);
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _enabledOverride = null;
            _limitOverride = null;
            _counts.Clear();
        }
    }
}
