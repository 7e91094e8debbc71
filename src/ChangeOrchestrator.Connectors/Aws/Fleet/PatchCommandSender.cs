using Amazon.SimpleSystemsManagement.Model;
using ChangeOrchestrator.Connectors.Aws.RateLimits;
using ChangeOrchestrator.Patching.Fleet;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Connectors.Aws.Fleet;

/// <summary>
/// Sends AWS-RunPatchBaseline to the servers, 50 per command (the SendCommand limit), each command marked with the
/// idempotency token. Before each send it lists the recent patch commands of the batch's first server and reuses
/// one carrying the same mark, so a request repeated after a crash finds what it sent instead of patching twice.
/// A token reused for a different set of servers is refused when the batch's first server is in both sets; the
/// search is by server because ListCommands filters by nothing else a caller chooses.
/// </summary>
internal sealed class PatchCommandSender(
    AwsClients clients, AwsCalls calls, FindOrCreatePipeline pipeline, IOptions<AwsOptions> options, TimeProvider timeProvider,
    ILogger<PatchCommandSender> logger)
{
    public const string DocumentName = "AWS-RunPatchBaseline";

    /// <summary>SendCommand accepts at most 50 instance ids.</summary>
    public const int InstancesPerCommand = 50;

    public async Task<PatchCommandReference> StartAsync(PatchCommandRequest request, CancellationToken cancellationToken)
    {
        Idempotency.Validate(request.IdempotencyToken, "idempotency token");
        if (request.InstanceIds.Count == 0)
        {
            throw new FleetException("A patch operation needs at least one instance id.", isTransient: false);
        }

        // Sorted, so that a repeated request cuts the same batches and finds each one's command.
        var instanceIds = request.InstanceIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var batches = instanceIds.Chunk(InstancesPerCommand).Select((batch, index) => (Batch: batch, Number: index + 1)).ToList();

        // Each batch looks for its own mark and sends on its own, so batches go out concurrently, paced by the buckets.
        var sent = await FanOut.MapAsync(batches, options.Value.MaxConcurrentCalls, async (item, cancel) =>
        {
            var comment = CommandComment.For(request.IdempotencyToken, item.Number, batches.Count);
            return await pipeline.ExecuteAsync(token => FindOrSendAsync(request, item.Batch, item.Number, comment, token), cancel);
        }, cancellationToken);

        return new PatchCommandReference
        {
            IdempotencyToken = request.IdempotencyToken,
            Operation = request.Operation,
            CommandIds = [.. sent.Select(s => s.CommandId)],
            InstanceIds = instanceIds,
            FoundExisting = Array.TrueForAll(sent, s => s.Found),
        };
    }

    private async ValueTask<(string CommandId, bool Found)> FindOrSendAsync(
        PatchCommandRequest request, string[] batch, int batchNumber, string comment, CancellationToken cancellationToken)
    {
        var operation = request.Operation.ToString();
        if (await CommandLookup.FindAsync(clients, calls, batch[0], DocumentName, comment, timeProvider.GetUtcNow() - options.Value.CommandLookback, cancellationToken) is { } existing)
        {
            if (!(existing.InstanceIds ?? []).Order(StringComparer.Ordinal).SequenceEqual(batch, StringComparer.Ordinal))
            {
                throw new FleetException(
                    $"The idempotency token '{request.IdempotencyToken}' was already used for command {existing.CommandId} on other instances; use a new token for a new set of instances.",
                    isTransient: false);
            }

            AwsLog.CommandFound(logger, operation, request.IdempotencyToken, batchNumber, existing.CommandId);
            return (existing.CommandId, true);
        }

        var response = await calls.RunAsync("SSM SendCommand", token => clients.SsmWithoutRetries.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = DocumentName,
            InstanceIds = [.. batch],
            Parameters = new Dictionary<string, List<string>>
            {
                ["Operation"] = [operation],
                ["RebootOption"] = [request.Reboot.ToString()],
            },
            MaxConcurrency = request.MaxConcurrency,
            MaxErrors = request.MaxErrors,
            Comment = comment,
            TimeoutSeconds = (int)options.Value.CommandDeliveryTimeout.TotalSeconds,
        }, token), cancellationToken);
        AwsLog.CommandSent(logger, operation, request.IdempotencyToken, batchNumber, response.Command.CommandId, batch.Length);
        return (response.Command.CommandId, false);
    }
}
