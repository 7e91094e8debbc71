using ChangeOrchestrator.Simulators.Jira.Site;
using ChangeOrchestrator.Simulators.Jira.Webhooks;
using ChangeOrchestrator.Simulators.Shared;

namespace ChangeOrchestrator.Simulators.Jira.State;

/// <summary>
/// The site's data behind one lock: a simulator serves few requests, and one lock makes every operation (including
/// the webhook events it publishes) atomic and ordered.
/// </summary>
internal sealed class JiraStore
{
    private readonly Lock _gate = new();
    private readonly JiraSite _site;
    private readonly SimulatorClock _clock;
    private JiraState _state;

    public JiraStore(JiraSite site, SimulatorClock clock)
    {
        _site = site;
        _clock = clock;
        _state = Seed();
    }

    public T Use<T>(Func<JiraState, T> action)
    {
        lock (_gate)
        {
            return action(_state);
        }
    }

    /// <summary>Back to the seeded state: no issues, the configured webhooks, counters from the start.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _state = Seed();
        }
    }

    private JiraState Seed()
    {
        var state = new JiraState();
        foreach (var seed in _site.SeedWebhooks)
        {
            state.Webhooks.Add(JiraWebhookFactory.FromSeed(state.NextWebhookId(), seed, _clock.UtcNow));
        }

        return state;
    }
}
