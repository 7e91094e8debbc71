using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Finds a command sent earlier by the mark in its Comment (see <see cref="CommandComment"/>). ListCommands filters by
/// server, document and time but by nothing the caller chooses, so the search lists a server's recent commands of the
/// document and compares comments.
/// </summary>
internal static class CommandLookup
{
    public static Task<Command?> FindAsync(
        AwsClients clients, AwsCalls calls, string instanceId, string documentName, string comment, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var request = new ListCommandsRequest
        {
            InstanceId = instanceId,
            MaxResults = 50,
            Filters =
            [
                new CommandFilter { Key = CommandFilterKey.DocumentName, Value = documentName },
                new CommandFilter { Key = CommandFilterKey.InvokedAfter, Value = since.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) },
            ],
        };
        return calls.RunAsync("SSM ListCommands", async token =>
        {
            await foreach (var command in clients.Ssm.Paginators.ListCommands(request).Commands.WithCancellation(token))
            {
                if (string.Equals(command.Comment, comment, StringComparison.Ordinal))
                {
                    return command;
                }
            }

            return null;
        }, cancellationToken);
    }
}
