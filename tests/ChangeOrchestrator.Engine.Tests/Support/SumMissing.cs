using System.ComponentModel;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>Reads a list of servers item by item, as typed records, and sums their missing patches.</summary>
[Activity("Sums the missing patches of a list of servers read a page at a time.", Category = "Test")]
internal sealed class SumMissing : Activity<SumMissing.Input, SumMissing.Output>
{
    public override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var total = 0;
        var servers = 0;
        await foreach (var server in context.ReadListAsync<ListServers.Server>(context.Input.Servers, "servers", cancellationToken))
        {
            total += server.Missing;
            servers++;
        }

        return Done(new Output { Servers = servers, Missing = total, ReceivedReference = context.Input.Servers is System.Text.Json.Nodes.JsonObject });
    }

    public sealed record Input
    {
        [Description("The servers.")]
        [StreamsResults(DataType.Array)]
        public System.Text.Json.Nodes.JsonNode? Servers { get; init; }
    }

    public sealed record Output
    {
        public required int Servers { get; init; }

        public required int Missing { get; init; }

        public required bool ReceivedReference { get; init; }
    }
}
