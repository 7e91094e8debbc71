using ChangeOrchestrator.IntegrationTests.Support.Server;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The server processes of a chaos run, all on one database: any of them can be killed with SIGKILL and started
/// again, and a question to "the cluster" is asked of whichever node answers.
/// </summary>
internal sealed class ChaosNodes(IDictionary<string, string> environment, int count) : IAsyncDisposable
{
    private readonly ServerProcess?[] _nodes = new ServerProcess?[count];
    private readonly Lock _gate = new();
    private readonly List<DateTimeOffset> _kills = [];

    /// <summary>When each SIGKILL happened (system clock, which the database's shares on this machine).</summary>
    public IReadOnlyList<DateTimeOffset> Kills
    {
        get
        {
            lock (_gate)
            {
                return [.. _kills];
            }
        }
    }

    public IReadOnlyList<Uri> Addresses
    {
        get
        {
            lock (_gate)
            {
                var live = _nodes.Where(n => n is not null).Select(n => n!.BaseAddress).ToList();
                return live.Count > 0 ? live : [new Uri("http://127.0.0.1:9/")];
            }
        }
    }

    public async Task StartAsync()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            var node = await ServerProcess.StartAsync(environment);
            lock (_gate)
            {
                _nodes[i] = node;
            }
        }
    }

    /// <summary>SIGKILL of node <paramref name="index"/>, then a new process in its place once it is ready.</summary>
    public async Task KillAndRestartAsync(int index)
    {
        ServerProcess? victim;
        lock (_gate)
        {
            victim = _nodes[index];
            _nodes[index] = null;
            _kills.Add(TimeProvider.System.GetUtcNow());
        }

        if (victim is not null)
        {
            victim.Kill();
            await victim.DisposeAsync();
        }

        var replacement = await ServerProcess.StartAsync(environment);
        lock (_gate)
        {
            _nodes[index] = replacement;
        }
    }

    /// <summary>Asks a live node; a node killed under the question is skipped and the next one asked.</summary>
    public async Task<T> AskAsync<T>(Func<HttpClient, Task<T>> question)
    {
        for (var attempt = 0; ; attempt++)
        {
            ServerProcess? node;
            lock (_gate)
            {
                node = _nodes[attempt % _nodes.Length];
            }

            if (node is not null)
            {
                try
                {
                    return await question(node.Client);
                }
                catch (Exception ex) when (attempt < 200 && ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
                {
                    // Killed under the question, or the database is restarting: ask again.
                }
            }

            await Task.Delay(250);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }
}
