using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>Outputs a list of servers long enough to be stored apart from the instance, as a fleet activity does.</summary>
[Activity("Lists servers i-000, i-001, ... with a patch count each.", Category = "Test")]
internal sealed class ListServers : Activity<ListServers.Input, ListServers.Output>
{
    public override ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Done(new Output
        {
            Servers = [.. Enumerable.Range(0, context.Input.Count).Select(i => new Server($"i-{i:D3}", i % 3))],
        }));

    public sealed record Input
    {
        [Description("How many servers.")]
        public required int Count { get; init; }
    }

    public sealed record Output
    {
        public required IReadOnlyList<Server> Servers { get; init; }
    }

    public sealed record Server(string InstanceId, int Missing);
}
