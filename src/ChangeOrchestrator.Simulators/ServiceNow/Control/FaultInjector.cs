using ChangeOrchestrator.Simulators.ServiceNow.Configuration;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.ServiceNow.Control;

/// <summary>Decides, per request, whether a configured fault answers it. The dice are seeded, so runs repeat.</summary>
internal sealed class FaultInjector(IOptionsMonitor<ServiceNowSimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<FailNextRule> _failNext = [];
    private Random _dice = new(options.CurrentValue.Seed);

    public FaultSettings Settings { get; private set; } = new();

    public void Configure(FaultSettings settings)
    {
        lock (_gate)
        {
            Settings = settings;
        }
    }

    public void FailNext(FailNextRule rule)
    {
        lock (_gate)
        {
            _failNext.Add(rule);
        }
    }

    public InjectedFault? Decide(string routeKey)
    {
        lock (_gate)
        {
            var rule = _failNext.FirstOrDefault(r => r.TryConsume(routeKey));
            _failNext.RemoveAll(r => r.Remaining <= 0);
            if (rule is not null)
            {
                return rule.Fault;
            }

            var settings = Settings;
            return settings.ErrorRate > 0 && _dice.NextDouble() < settings.ErrorRate
                ? new InjectedFault(settings.ErrorStatus, settings.RetryAfterSeconds, settings.NonJsonBody)
                : null;
        }
    }

    public int PendingFailures
    {
        get
        {
            lock (_gate)
            {
                return _failNext.Sum(r => r.Remaining);
            }
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _failNext.Clear();
            Settings = new FaultSettings();
            _dice = new Random(options.CurrentValue.Seed);
        }
    }
}
