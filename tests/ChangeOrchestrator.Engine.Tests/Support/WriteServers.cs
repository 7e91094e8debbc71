using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>
/// Writes servers i-000, i-001, ... a page at a time while it runs, as a fleet scan writes what each server misses;
/// with <c>failAfterWriting</c> its first attempt writes more servers than asked and then fails, as an execution that
/// crashed before its commit would leave them.
/// </summary>
[Activity("Writes a list of servers a page at a time.", Category = "Test")]
internal sealed class WriteServers(SideEffectLog log) : Activity<WriteServers.Input, WriteServers.Output>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        log.Add("write", $"attempt {context.Attempt}");
        var failing = input.FailAfterWriting && log.Count("write") == 1;
        var servers = context.WriteList("servers");
        var count = failing ? input.Count + 50 : input.Count;
        for (var first = 0; first < count; first += input.PageSize)
        {
            await servers.AppendAsync(
                [.. Enumerable.Range(first, Math.Min(input.PageSize, count - first)).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-{i:D3}", ["missing"] = i % 3 })],
                cancellationToken);
        }

        if (failing)
        {
            throw new ActivityException("lost the database after writing", isTransient: true);
        }

        return Outcome(ActivityResult.DoneOutcome, new Output { Servers = [], Written = servers.Count }, new Dictionary<string, JsonNode>
        {
            ["servers"] = await servers.CompleteAsync(cancellationToken),
        });
    }

    public sealed record Input
    {
        [Description("How many servers.")]
        public required int Count { get; init; }

        [Description("Servers per page.")]
        public int PageSize { get; init; } = 100;

        [Description("Whether the first attempt fails after writing its pages.")]
        public bool FailAfterWriting { get; init; }
    }

    public sealed record Output
    {
        public required IReadOnlyList<ListServers.Server> Servers { get; init; }

        public required int Written { get; init; }
    }
}
