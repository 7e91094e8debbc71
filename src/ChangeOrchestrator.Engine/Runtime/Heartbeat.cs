namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Runs a beat (renewing a lease or claims) every interval until disposed. A beat that throws is retried at the next
/// interval; disposing stops the loop and waits for a beat in flight.
/// </summary>
public sealed class Heartbeat : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private Heartbeat(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> beat, Action<Exception>? failed)
    {
        _loop = Task.Run(() => RunAsync(interval, time, beat, failed));
    }

    public static Heartbeat Start(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> beat, Action<Exception>? failed = null) =>
        new(interval, time, beat, failed);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync(TimeSpan interval, TimeProvider time, Func<CancellationToken, Task> beat, Action<Exception>? failed)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, time, _stop.Token);
                await beat(_stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failed?.Invoke(ex);
            }
        }
    }
}
