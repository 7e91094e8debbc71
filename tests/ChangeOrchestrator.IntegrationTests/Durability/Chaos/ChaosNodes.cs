using System.Globalization;
using ChangeOrchestrator.IntegrationTests.Support.Server;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The server processes of a chaos run, all on one database: any of them can be killed with SIGKILL and started
/// again, and a question to "the cluster" is asked of whichever node answers. At each kill it reads what the dead
/// process still held in the database (its leases and timer claims, found by the process id in its node id), so a
/// stall after the kill can be told apart into waiting for those and everything else. With a log folder, each
/// process's output is written there when it ends (<c>node&lt;index&gt;-&lt;pid&gt;.log</c>).
/// </summary>
internal sealed class ChaosNodes(IDictionary<string, string> environment, int count, string? logFolder = null) : IAsyncDisposable
{
    private readonly ServerProcess?[] _nodes = new ServerProcess?[count];
    private readonly Lock _gate = new();
    private readonly List<ChaosKill> _kills = [];

    /// <summary>Each SIGKILL, in order (system clock, which the database's shares on this machine).</summary>
    public IReadOnlyList<ChaosKill> Kills
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
        }

        var at = TimeProvider.System.GetUtcNow();
        var kill = new ChaosKill(at, index, victim?.ProcessId ?? 0);
        if (victim is not null)
        {
            victim.Kill();
            kill = await HeldByAsync(kill);
            await SaveAsync(index, victim);
            await victim.DisposeAsync();
        }

        var replacement = await ServerProcess.StartAsync(environment);
        lock (_gate)
        {
            _nodes[index] = replacement;
            _kills.Add(kill with { BackAt = TimeProvider.System.GetUtcNow() });
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
        for (var i = 0; i < _nodes.Length; i++)
        {
            if (_nodes[i] is { } node)
            {
                node.Kill();
                await SaveAsync(i, node);
                await node.DisposeAsync();
            }
        }
    }

    /// <summary>The leases and claims the dead process left behind; nothing known when the database is down at that moment.</summary>
    private async Task<ChaosKill> HeldByAsync(ChaosKill kill)
    {
        var owner = string.Create(CultureInfo.InvariantCulture, $"%-{kill.ProcessId}-%");
        try
        {
            await using var connection = new NpgsqlConnection(environment["ConnectionStrings__Postgres"]);
            await connection.OpenAsync();
            var leases = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
            await using (var command = new NpgsqlCommand("SELECT id, lease_expires_at FROM workflow_instances WHERE lease_owner LIKE @owner AND lease_expires_at IS NOT NULL", connection))
            {
                command.Parameters.AddWithValue("owner", owner);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    leases[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                }
            }

            var claims = new List<ChaosClaim>();
            await using (var command = new NpgsqlCommand("SELECT instance_id, activity_id, due_at, claimed_until FROM bookmarks WHERE claimed_by LIKE @owner AND claimed_until IS NOT NULL AND due_at IS NOT NULL", connection))
            {
                command.Parameters.AddWithValue("owner", owner);
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    claims.Add(new ChaosClaim(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetFieldValue<DateTimeOffset>(3)));
                }
            }

            return kill with { Leases = leases, Claims = claims, HeldKnown = true };
        }
        catch (NpgsqlException)
        {
            return kill;
        }
    }

    private async Task SaveAsync(int index, ServerProcess node)
    {
        if (logFolder is not null)
        {
            Directory.CreateDirectory(logFolder);
            await node.SaveOutputAsync(Path.Combine(logFolder, string.Create(CultureInfo.InvariantCulture, $"node{index}-{node.ProcessId}.log")));
        }
    }
}
