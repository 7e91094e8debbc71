using System.Diagnostics;
using ChangeOrchestrator.Benchmarks.Running;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.States;

namespace ChangeOrchestrator.Benchmarks.Throughput.HangfireBaseline;

/// <summary>
/// Hangfire on PostgreSQL (Hangfire.PostgreSql, its own schema in a database of its own on the same server), one
/// client and one job server in this process. A starter creates the ten steps as a chain of continuations, enqueues
/// the first, and waits
/// until the last step's Succeeded state is committed, then enqueues the next chain: enqueue → last step done per
/// chain, as the engine's starters wait for their instance's commit.
/// </summary>
internal sealed class HangfireNode : IDisposable
{
    /// <summary>More workers than the most starters, so a chain never waits for a free worker.</summary>
    public const int Workers = 20;

    private static readonly TimeSpan CompletionTimeout = TimeSpan.FromMinutes(2);

    // Far enough ahead that the scheduler never enqueues a held-back first job itself.
    private static readonly TimeSpan HeldBack = TimeSpan.FromDays(1);

    private readonly PostgreSqlStorage _storage;
    private readonly BackgroundJobClient _client;
    private readonly BackgroundJobServer _server;

    public HangfireNode(string connectionString)
    {
        var options = new PostgreSqlStorageOptions
        {
            PrepareSchemaIfNecessary = true,

            // A job enqueued by this process wakes this process's workers as its transaction commits; the poll only
            // finds jobs enqueued by other processes, of which there are none. Long polling (LISTEN/NOTIFY) stays
            // off: it opens a listening connection per fetch, which made every step wait about a second here.
            QueuePollInterval = TimeSpan.FromMilliseconds(200),
            UseSlidingInvisibilityTimeout = true,
        };
        _storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(connectionString, options), options);
        _client = new BackgroundJobClient(_storage);
        _server = new BackgroundJobServer(
            new BackgroundJobServerOptions { WorkerCount = Workers, ShutdownTimeout = TimeSpan.FromSeconds(5) },
            _storage);
    }

    /// <summary>Runs <paramref name="count"/> chains from <paramref name="concurrency"/> starters, each from its first enqueue to its last step done.</summary>
    /// <exception cref="TimeoutException">A chain did not finish in time.</exception>
    public Task<TimeSpan> RunAsync(int count, int concurrency, CancellationToken cancellationToken) =>
        ConcurrentLoad.RunAsync(count, concurrency, async (_, ct) =>
        {
            var chain = Guid.NewGuid().ToString("N");
            var lastStepRun = TenStepChain.Begin(chain);
            try
            {
                // The first job is created held back and enqueued once its continuations exist. Enqueued at once, a
                // worker picks it up while the next continuation holds the lock on it, and Hangfire.PostgreSql's lock
                // waits up to a second between attempts: measured here, that made every chain a second longer.
                var first = _client.Create(() => TenStepChain.Run(chain, 0), new ScheduledState(HeldBack));
                var job = first;
                for (var step = 1; step < TenStepChain.Steps; step++)
                {
                    var current = step;
                    job = _client.ContinueJobWith(job, () => TenStepChain.Run(chain, current));
                }

                _client.ChangeState(first, new EnqueuedState(), ScheduledState.StateName);

                var data = await lastStepRun.WaitAsync(CompletionTimeout, ct);
                if (data.Total != 70)
                {
                    throw new InvalidOperationException($"Hangfire chain {chain} ended with total {data.Total}; expected 70.");
                }

                await WaitSucceededAsync(job, ct);
            }
            finally
            {
                TenStepChain.End(chain);
            }
        }, cancellationToken);

    public void Dispose()
    {
        _server.Dispose();
    }

    /// <summary>
    /// The last step's method has returned; its Succeeded state is committed a moment later, by the worker. The chain
    /// is done when that commit is visible, as the engine's instance is done when its burst is committed.
    /// </summary>
    private async Task WaitSucceededAsync(string job, CancellationToken cancellationToken)
    {
        var waited = Stopwatch.StartNew();
        using var connection = _storage.GetConnection();
        while (connection.GetStateData(job)?.Name != SucceededState.StateName)
        {
            if (waited.Elapsed > CompletionTimeout)
            {
                throw new TimeoutException($"Hangfire job {job} ran but was not Succeeded within {CompletionTimeout}.");
            }

            await Task.Delay(1, cancellationToken);
        }
    }
}
