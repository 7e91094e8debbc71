using System.Collections.Concurrent;
using System.Net;

namespace ChangeOrchestrator.IntegrationTests.Support.Server;

/// <summary>
/// The "external system" of durability tests: applies each side effect once per Idempotency-Key (as a well-behaved
/// receiver does), counts every delivery, and can hold a chosen call open so the test can kill the caller mid-call.
/// Like <see cref="ProgrammableEndpoint"/> it answers only under a path of its own, so calls meant for an earlier
/// holder of its port are not counted.
/// </summary>
public sealed class EffectRecorder : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;
    private readonly ConcurrentDictionary<string, int> _deliveries = new();
    private readonly ConcurrentQueue<string> _order = new();
    private volatile string? _holdPath;
    private int _faults;
    private int _calls;
    private readonly string _root = Guid.NewGuid().ToString("N");
    private TaskCompletionSource<string> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public EffectRecorder()
    {
        Url = $"http://127.0.0.1:{LoopbackPort.Free()}/{_root}/";

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    /// <summary>How long each call is answered after it arrives: an external system slower than an instance lease.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>One call in this many is answered 503 without being applied (0: none), as a flaky external system does.</summary>
    public int FailOneIn { get; set; }

    /// <summary>Calls answered 503 by <see cref="FailOneIn"/>.</summary>
    public int FaultsInjected => Volatile.Read(ref _faults);

    /// <summary>Idempotency keys and how many times each was delivered.</summary>
    public IReadOnlyDictionary<string, int> Deliveries => _deliveries;

    /// <summary>Keys in the order they were first applied.</summary>
    public IReadOnlyList<string> Applied => [.. _order];

    /// <summary>Holds the next call to <paramref name="path"/> open (never answers it); the task completes when it arrives.</summary>
    public Task<string> HoldNextCallTo(string path)
    {
        _held = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _holdPath = path;
        return _held.Task;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        if (FailOneIn > 0 && Interlocked.Increment(ref _calls) % FailOneIn == 0)
        {
            Interlocked.Increment(ref _faults);
            context.Response.StatusCode = 503;
            context.Response.Close();
            return;
        }

        var key = context.Request.Headers["Idempotency-Key"] ?? "(none)";
        var path = context.Request.Url!.AbsolutePath.Trim('/')[_root.Length..].TrimStart('/');
        var count = _deliveries.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (count == 1)
        {
            _order.Enqueue(key);
        }

        if (_holdPath == path)
        {
            _holdPath = null;
            _held.TrySetResult(key);
            return;
        }

        if (ResponseDelay > TimeSpan.Zero)
        {
            await Task.Delay(ResponseDelay);
        }

        context.Response.StatusCode = 200;
        context.Response.Close();
    }
}
