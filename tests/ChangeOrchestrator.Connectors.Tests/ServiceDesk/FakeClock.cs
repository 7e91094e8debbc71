using Microsoft.Extensions.Time.Testing;

namespace ChangeOrchestrator.Connectors.Tests.ServiceDesk;

public static class FakeClock
{
    public static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Moves the clock a second at a time until the call completes; returns how far it moved. A wait scheduled on
    /// the clock cannot end before the clock has moved that far, whenever the timer was registered.
    /// </summary>
    public static async Task<TimeSpan> AdvanceUntilCompletedAsync(this FakeTimeProvider time, Task call, TimeSpan limit)
    {
        var advanced = TimeSpan.Zero;
        while (!call.IsCompleted && advanced < limit)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            advanced += TimeSpan.FromSeconds(1);
            await Task.Delay(10);
        }

        return advanced;
    }
}
