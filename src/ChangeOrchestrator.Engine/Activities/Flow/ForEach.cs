using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Activities.Flow;

/// <summary>
/// Loops over a list, one item or one batch at a time: connect Iterate to the body and the body's end back to
/// this activity. The list is captured on the first iteration so a changing expression cannot skip or repeat items.
/// </summary>
[Activity("Iterates over a list one item or one batch (a wave) at a time, then continues on Done.", Category = "Flow")]
[Outcomes("Iterate", "Done")]
[Suspends(BoundsLoop = true)]
public sealed class ForEach : Activity<ForEach.Input, ForEach.Output>
{
    private const string ItemsKey = "items";
    private const string NextKey = "next";

    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (state[ItemsKey] is not JsonArray items)
        {
            if (context.Input.BatchSize < 1)
            {
                throw new ActivityException($"ForEach '{context.ActivityId}': batchSize must be at least 1, not {context.Input.BatchSize}.", isTransient: false);
            }

            items = (JsonArray)context.Input.Items.DeepClone();
            state[ItemsKey] = items;
            state[NextKey] = 0;
        }

        var next = state[NextKey]!.GetValue<int>();
        if (next >= items.Count)
        {
            state.Remove(ItemsKey);
            state.Remove(NextKey);
            return ValueTask.FromResult(Outcome("Done", new Output { Index = next, Count = items.Count, Batch = [], Batches = BatchCount(items.Count, context.Input.BatchSize) }));
        }

        var size = Math.Min(context.Input.BatchSize, items.Count - next);
        var batch = new JsonArray(items.Skip(next).Take(size).Select(i => i?.DeepClone()).ToArray());
        state[NextKey] = next + size;
        return ValueTask.FromResult(Outcome("Iterate", new Output
        {
            Item = batch[0]?.DeepClone(),
            Batch = batch,
            Index = next,
            BatchNumber = next / context.Input.BatchSize + 1,
            Batches = BatchCount(items.Count, context.Input.BatchSize),
            Count = items.Count,
        }));
    }

    private static int BatchCount(int count, int batchSize) => (count + batchSize - 1) / batchSize;

    public sealed record Input
    {
        [Description("The list to iterate over.")]
        public required JsonArray Items { get; init; }

        [Description("Items per iteration; above 1 each iteration receives a batch (a wave).")]
        public int BatchSize { get; init; } = 1;
    }

    public sealed record Output
    {
        [Description("The first item of the current batch (the item itself when batchSize is 1).")]
        public JsonNode? Item { get; init; }

        [Description("The items of the current batch.")]
        public required JsonArray Batch { get; init; }

        [Description("Index of the first item of the batch in the list.")]
        public int Index { get; init; }

        [Description("1-based number of the current batch.")]
        public int BatchNumber { get; init; }

        [Description("Number of batches in all.")]
        public int Batches { get; init; }

        [Description("Number of items in all.")]
        public int Count { get; init; }
    }
}
