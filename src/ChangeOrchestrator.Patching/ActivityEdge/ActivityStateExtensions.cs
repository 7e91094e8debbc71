using System.Text.Json;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>Typed values in an activity's state, written with the same JSON conventions as its inputs and outputs.</summary>
internal static class ActivityStateExtensions
{
    private const string ExecutionKey = "execution";

    /// <summary>
    /// Clears what an earlier execution of the activity left (the engine keeps the state of a finished activity, and a
    /// loop runs it again), while a retry or a resumption of this execution keeps its progress.
    /// </summary>
    public static void BeginExecution(this ActivityContext context)
    {
        if (context.State[ExecutionKey]?.GetValue<string>() != context.IdempotencyKey)
        {
            context.State.Clear();
            context.State[ExecutionKey] = context.IdempotencyKey;
        }
    }

    public static T? Read<T>(this ActivityContext context, string name) =>
        context.State[name] is { } node ? node.Deserialize<T>(ActivityJson.Options) : default;

    /// <summary>
    /// A list kept in the state, null when there is none: for an activity that streams its state, whose long lists are
    /// references to stored items, read here a page at a time and bound item by item.
    /// </summary>
    public static async Task<List<T>?> ReadStateListAsync<T>(this ActivityContext context, string name, CancellationToken cancellationToken)
        where T : class
    {
        if (context.State[name] is not { } stored)
        {
            return null;
        }

        var items = new List<T>();
        await foreach (var item in context.ReadListAsync<T>(stored, name, cancellationToken))
        {
            items.Add(item);
        }

        return items;
    }

    public static void Write<T>(this ActivityContext context, string name, T value) =>
        context.State[name] = ActivityJson.ToNode(value);
}
