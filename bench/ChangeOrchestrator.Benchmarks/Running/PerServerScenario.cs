namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// A PostgreSQL scenario run once on each server (<c>fast</c>, then <c>durable</c>) within every repetition, so both
/// sets of figures come from the same minutes of the same machine. Each figure and target is prefixed with the
/// server's mode, and the notes name the settings each server reported.
/// </summary>
internal sealed class PerServerScenario : IScenario, ISelfRepeatingScenario, IAsyncDisposable
{
    private readonly IReadOnlyList<(PostgresServer Server, IScenario Scenario)> _runs;
    private readonly IScenario _first;
    private readonly int _repetitions;

    /// <param name="servers">The servers to run on, in order; the first one's scenario names the whole.</param>
    /// <param name="create">Builds the scenario for one server's connection string.</param>
    /// <param name="repetitions">The run's repetitions, unless the scenario chooses its own.</param>
    public PerServerScenario(IReadOnlyList<PostgresServer> servers, Func<string, IScenario> create, int repetitions)
    {
        _runs = [.. servers.Select(s => (s, create(s.ConnectionString)))];
        _first = _runs[0].Scenario;
        _repetitions = _first is ISelfRepeatingScenario own ? own.Repetitions : repetitions;
    }

    public string Name => _first.Name;

    public string Title => _first.Title;

    public string Description => _first.Description
        + $" Every figure is measured on each PostgreSQL server in turn and prefixed with its name ({string.Join(", ", _runs.Select(r => $"`{r.Server.Mode}.`"))}).";

    public IReadOnlyList<string> Notes =>
    [
        .. _runs.Select(r => $"`{r.Server.Mode}.*`: PostgreSQL reporting {r.Server.Settings} (`SHOW` on the server at the start of the run)."),
        .. _first.Notes,
    ];

    public IReadOnlyList<Target> Targets =>
    [
        .. _runs.SelectMany(r => r.Scenario.Targets.Select(t =>
            new Target($"{t.Description} [{r.Server.Mode}: {r.Server.Settings}]", $"{r.Server.Mode}.{t.Figure}", t.AtLeast))),
    ];

    public int Repetitions => _repetitions;

    public bool WarmUp => _first is not ISelfRepeatingScenario { WarmUp: false };

    public async Task<IReadOnlyList<Figure>> RunOnceAsync(CancellationToken cancellationToken)
    {
        var figures = new List<Figure>();
        foreach (var (server, scenario) in _runs)
        {
            figures.AddRange((await scenario.RunOnceAsync(cancellationToken)).Select(f => f with { Name = $"{server.Mode}.{f.Name}" }));
        }

        return figures;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, scenario) in _runs)
        {
            if (scenario is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }
}
