using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Results;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>
/// Keeps a list of servers in its state and polls once a second, as a snapshot step does: it looks at the list only
/// at round <see cref="Input.ReadAt"/> (marking every server done), and reads it again to finish the round after.
/// </summary>
[Activity("Polls servers kept in its state, reading them only at a given round.", Category = "Test")]
[Suspends]
[StreamsState]
internal sealed class PollServers : Activity<PollServers.Input, PollServers.Output>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var state = context.State;
        if (state["servers"] is null)
        {
            state["servers"] = new JsonArray([.. Enumerable.Range(0, context.Input.Count).Select(i => (JsonNode?)new JsonObject { ["instanceId"] = $"i-{i:D3}", ["state"] = "Pending" })]);
            state["round"] = 0;
            state["unreadAsReference"] = 0;
            return Poll(context);
        }

        var round = state["round"]!.GetValue<int>() + 1;
        state["round"] = round;
        if (round < context.Input.ReadAt)
        {
            // Not read this round: the state still holds the stored list's reference, not its items.
            state["unreadAsReference"] = state["unreadAsReference"]!.GetValue<int>() + (ResultReference.Is(state["servers"]) ? 1 : 0);
            return Poll(context);
        }

        var servers = new List<Server>();
        await foreach (var server in context.ReadListAsync<Server>(state["servers"], "servers", cancellationToken))
        {
            servers.Add(server);
        }

        if (round == context.Input.ReadAt)
        {
            state["servers"] = JsonSerializer.SerializeToNode(servers.Select(s => s with { State = "Done" }), ActivityJson.Options);
            return Poll(context);
        }

        return Done(new Output
        {
            Servers = servers.Count,
            Done = servers.Count(s => s.State == "Done"),
            UnreadAsReference = state["unreadAsReference"]!.GetValue<int>(),
        });
    }

    private static ActivityResult Poll(ActivityContext context) => ActivityResult.Suspend(Bookmark.At(context.Now + TimeSpan.FromSeconds(1)));

    public sealed record Input
    {
        [Description("How many servers.")]
        public required int Count { get; init; }

        [Description("The round that reads the list and marks every server done.")]
        public required int ReadAt { get; init; }
    }

    public sealed record Output
    {
        public required int Servers { get; init; }

        public required int Done { get; init; }

        public required int UnreadAsReference { get; init; }
    }

    public sealed record Server(string InstanceId, string State);
}
