using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Simulators.Jira.Control;

/// <summary>The fault injection state the control API edits and the fault filter consults.</summary>
internal sealed class JiraFaults(IOptions<JiraSimulatorOptions> options)
{
    private readonly Lock _gate = new();
    private readonly List<JiraFaultRule> _rules = [];
    private Random _random = new(options.Value.FaultSeed);
    private JiraFaultSettings _settings = JiraFaultSettings.None;

    public JiraFaultSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }

        set
        {
            lock (_gate)
            {
                _settings = value;
            }
        }
    }

    public IReadOnlyList<JiraFaultRule> Rules
    {
        get
        {
            lock (_gate)
            {
                return [.. _rules];
            }
        }
    }

    public void Add(JiraFaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            _settings = JiraFaultSettings.None;
            _random = new Random(options.Value.FaultSeed);
        }
    }

    /// <summary>Consumes the first matching rule (rules apply in the order added), else rolls the error rate.</summary>
    public JiraFaultDecision Decide(string method, string template)
    {
        lock (_gate)
        {
            var latency = _settings.Applies(method, template) ? _settings.Latency : TimeSpan.Zero;
            var rule = _rules.FirstOrDefault(r => r.Matches(method, template));
            if (rule is not null)
            {
                if (rule.Skip > 0)
                {
                    rule.Skip--;
                    return new JiraFaultDecision(latency, null);
                }

                if (--rule.Count <= 0)
                {
                    _rules.Remove(rule);
                }

                return new JiraFaultDecision(latency + rule.Delay, rule.ToResponse());
            }

            if (_settings.ErrorRate > 0 && _settings.Applies(method, template) && _random.NextDouble() < _settings.ErrorRate)
            {
                return new JiraFaultDecision(latency, new JiraFaultResponse(_settings.ErrorStatus, _settings.RetryAfterSeconds, null, null, false));
            }

            return new JiraFaultDecision(latency, null);
        }
    }
}
