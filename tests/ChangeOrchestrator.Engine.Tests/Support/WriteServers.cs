using System.ComponentModel;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>
/// Writes servers i-000, i-001, ... a page at a time while it runs, as a fleet scan writes what each server misses;
/// with <c>failAfterWriting</c> its first attempt writes more servers than asked and then fails, as an execution that
/// crashed before its commit would leave them. With <c>owners</c> it also writes each server's owning team as an object
/// keyed by server, as the snapshot step writes each server's root snapshot.
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
        var owners = input.Owners ? context.WriteMap("owners") : null;
        var count = failing ? input.Count + 50 : input.Count;
        for (var first = 0; first < count; first += input.PageSize)
        {
            var page = Enumerable.Range(first, Math.Min(input.PageSize, count - first)).ToList();
            await servers.AppendAsync([.. page.Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-{i:D3}", ["missing"] = i % 3 })], cancellationToken);
            if (owners is not null)
            {
                await owners.AppendPropertiesAsync([.. page.Select(i => KeyValuePair.Create($"i-{i:D3}", (JsonNode?)$"team-{i % 7}"))], cancellationToken);
            }
        }

        if (failing)
        {
            throw new ActivityException("lost the database after writing", isTransient: true);
        }

        var written = new Dictionary<string, JsonNode> { ["servers"] = await servers.CompleteAsync(cancellationToken) };
        if (owners is not null)
        {
            written["owners"] = await owners.CompleteAsync(cancellationToken);
        }

        return Outcome(ActivityResult.DoneOutcome, new Output { Servers = [], Written = servers.Count }, written);
    }

    public sealed record Input
    {
        [Description("How many servers.")]
        public required int Count { get; init; }

        [Description("Servers per page.")]
        public int PageSize { get; init; } = 100;

        [Description("Whether the first attempt fails after writing its pages.")]
        public bool FailAfterWriting { get; init; }

        [Description("Whether each server's owning team is written too, keyed by server.")]
        public bool Owners { get; init; }
    }

    public sealed record Output
    {
        public required IReadOnlyList<ListServers.Server> Servers { get; init; }

        public required int Written { get; init; }

        public IReadOnlyDictionary<string, string>? Owners { get; init; }
    }
}
