using System.Globalization;

namespace ChangeOrchestrator.Benchmarks.Running;

/// <summary>
/// The CPU time another process's threads of one name spent while it ran, from <c>/proc/&lt;pid&gt;/task</c>: e.g. the
/// runtime's tiered compiler (".NET Tiered Com"), which recompiles hot methods in the background on the same cores
/// as the work. A thread's time leaves /proc when it ends (the tiered compiler's thread ends after a few idle
/// seconds and is started again), so the threads are read every quarter second; a thread that starts and ends
/// between two reads is missed, so the figure is at least what the threads spent.
/// </summary>
internal sealed class ThreadCpuMeter : IAsyncDisposable
{
    private const double TicksPerSecond = 100;

    private readonly int _processId;
    private readonly string _threadName;
    private readonly Dictionary<int, (long First, long Last)> _threads = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private ThreadCpuMeter(int processId, string threadName)
    {
        _processId = processId;
        _threadName = threadName;

        // Threads present now count from their time now; those started later from zero.
        Read(atStart: true);
        _reading = ReadUntilStoppedAsync();
    }

    public static ThreadCpuMeter Start(int processId, string threadName) => new(processId, threadName);

    /// <summary>Stops reading and returns the CPU seconds the threads spent since <see cref="Start"/>.</summary>
    public async Task<double> StopAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        Read(atStart: false);
        return _threads.Values.Sum(t => t.Last - t.First) / TicksPerSecond;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _reading;
        _stop.Dispose();
    }

    private async Task ReadUntilStoppedAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Read(atStart: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    private void Read(bool atStart)
    {
        IEnumerable<string> tasks;
        try
        {
            tasks = Directory.EnumerateDirectories($"/proc/{_processId}/task").ToList();
        }
        catch (DirectoryNotFoundException)
        {
            return;
        }

        foreach (var task in tasks)
        {
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(task, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // The thread ended between the listing and the read.
            }

            var thread = ProcStat.Parse(stat);
            if (!thread.Name.StartsWith(_threadName, StringComparison.Ordinal))
            {
                continue;
            }

            var ticks = thread.CpuTicks;
            var id = int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture);
            _threads[id] = _threads.TryGetValue(id, out var seen) ? (seen.First, ticks) : (atStart ? ticks : 0, ticks);
        }
    }
}
