using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace ChangeOrchestrator.IntegrationTests.Support.Database;

/// <summary>
/// Counts the commands Npgsql sends to one database, EF Core's and plain batches alike, from the activities Npgsql
/// traces: each traced command or batch is one round trip to the server. Other test classes run side by side on other
/// databases, so only activities naming this database count.
/// </summary>
internal sealed class DatabaseCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<string> _commands = new();
    private readonly string _database;

    public DatabaseCommandCounter(string connectionString)
    {
        _database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Record,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The commands seen since the last <see cref="Reset"/>, each by its first line of SQL.</summary>
    public IReadOnlyList<string> Commands => [.. _commands];

    public void Reset() => _commands.Clear();

    public void Dispose() => _listener.Dispose();

    private void Record(Activity activity)
    {
        if (activity.TagObjects.Any(t => t.Value is string value && value == _database))
        {
            _commands.Enqueue(activity.DisplayName + ": " + (activity.GetTagItem("db.query.text") ?? activity.GetTagItem("db.statement")));
        }
    }
}
