using System.Globalization;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// <see cref="IFleetCommands"/> on Run Command: AWS-RunPowerShellScript on Windows servers, AWS-RunShellScript on the
/// others, 50 servers per command, each command marked with the idempotency token as <see cref="PatchCommandSender"/>
/// marks patch runs. Servers are grouped by document and sorted, so a repeated request cuts the same batches and finds
/// each one's command before it would send.
/// </summary>
internal sealed class AwsFleetCommands(
    AwsClients clients, AwsCalls calls, FindOrCreatePipeline pipeline, ManagedNodeReader nodes, PatchCommandMonitor monitor,
    IOptions<AwsOptions> options, TimeProvider timeProvider, ILogger<AwsFleetCommands> logger) : IFleetCommands
{
    public const string ShellDocument = "AWS-RunShellScript";

    public const string PowerShellDocument = "AWS-RunPowerShellScript";

    public async Task<FleetCommandReference> StartCommandAsync(FleetCommandRequest request, CancellationToken cancellationToken)
    {
        Idempotency.Validate(request.IdempotencyToken, "idempotency token");
        if (request.InstanceIds.Count == 0 || request.Commands.Count == 0)
        {
            throw new FleetException("A command run needs at least one instance id and one line to run.", isTransient: false);
        }

        var instanceIds = request.InstanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var registered = await nodes.ByIdsAsync(instanceIds, cancellationToken);

        // SendCommand refuses a whole batch for one server without an agent, so those are left out and reported.
        var notRegistered = instanceIds.Where(id => !registered.ContainsKey(id)).ToList();
        var batches = instanceIds
            .Where(registered.ContainsKey)
            .GroupBy(id => registered[id].PlatformType == PlatformType.Windows ? PowerShellDocument : ShellDocument)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .SelectMany(g => g.Chunk(PatchCommandSender.InstancesPerCommand).Select(batch => (Document: g.Key, Batch: batch)))
            .ToList();
        var numbered = batches.Select((b, index) => (b.Document, b.Batch, Number: index + 1)).ToList();
        var sent = await FanOut.MapAsync(numbered, options.Value.MaxConcurrentCalls, async (item, cancel) =>
        {
            var comment = CommandComment.For(request.IdempotencyToken, item.Number, numbered.Count);
            return await pipeline.ExecuteAsync(token => FindOrSendAsync(request, item.Document, item.Batch, item.Number, comment, token), cancel);
        }, cancellationToken);
        var allFound = Array.TrueForAll(sent, s => s.Found);

        return new FleetCommandReference
        {
            IdempotencyToken = request.IdempotencyToken,
            CommandIds = [.. sent.Select(s => s.CommandId)],
            InstanceIds = [.. batches.SelectMany(b => b.Batch)],
            NotRegisteredIds = notRegistered,
            FoundExisting = allFound && batches.Count > 0,
        };
    }

    public async Task<FleetCommandStatus> GetCommandStatusAsync(FleetCommandReference reference, CancellationToken cancellationToken)
    {
        var instances = await monitor.ReadAsync(reference.CommandIds, reference.InstanceIds, keepSuccessOutput: true, cancellationToken);
        return new FleetCommandStatus
        {
            IdempotencyToken = reference.IdempotencyToken,
            IsDone = instances.TrueForAll(i => i.IsDone),
            Instances = instances,
        };
    }

    private async ValueTask<(string CommandId, bool Found)> FindOrSendAsync(
        FleetCommandRequest request, string document, string[] batch, int batchNumber, string comment, CancellationToken cancellationToken)
    {
        var since = timeProvider.GetUtcNow() - options.Value.CommandLookback;
        if (await CommandLookup.FindAsync(clients, calls, batch[0], document, comment, since, cancellationToken) is { } existing)
        {
            if (!(existing.InstanceIds ?? []).Order(StringComparer.Ordinal).SequenceEqual(batch, StringComparer.Ordinal))
            {
                throw new FleetException(
                    $"The idempotency token '{request.IdempotencyToken}' was already used for command {existing.CommandId} on other instances; use a new token for a new set of instances.",
                    isTransient: false);
            }

            AwsLog.ScriptCommandFound(logger, document, request.IdempotencyToken, batchNumber, existing.CommandId);
            return (existing.CommandId, true);
        }

        var response = await calls.RunAsync("SSM SendCommand", token => clients.SsmWithoutRetries.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = document,
            InstanceIds = [.. batch],
            Parameters = new Dictionary<string, List<string>>
            {
                ["commands"] = [.. request.Commands],
                ["executionTimeout"] = [((int)request.ExecutionTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
            },
            MaxConcurrency = request.MaxConcurrency,
            MaxErrors = request.MaxErrors,
            Comment = comment,
            TimeoutSeconds = (int)options.Value.CommandDeliveryTimeout.TotalSeconds,
        }, token), cancellationToken);
        AwsLog.ScriptCommandSent(logger, document, request.IdempotencyToken, batchNumber, response.Command.CommandId, batch.Length);
        return (response.Command.CommandId, false);
    }
}
