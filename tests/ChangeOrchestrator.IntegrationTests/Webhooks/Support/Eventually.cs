namespace ChangeOrchestrator.IntegrationTests.Webhooks.Support;

/// <summary>Waits for an asynchronous outcome (the inbox worker runs in the background); a generous limit, not a timing assertion.</summary>
public static class Eventually
{
    public static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? limit = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var value = await read();
        while (!done(value) && waited.Elapsed < (limit ?? TimeSpan.FromSeconds(90)))
        {
            await Task.Delay(50);
            value = await read();
        }

        return value;
    }
}
