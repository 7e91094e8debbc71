using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

/// <summary>
/// SendCommand. Like the service it is not idempotent: a retried call creates a second command, so callers
/// that must not double-patch look for their earlier command (by Comment) with ListCommands before resending.
/// </summary>
internal sealed partial class SendCommandOperation : ISsmOperation
{
    public string Name => "SendCommand";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var documentName = input.RequiredString("DocumentName");
        var runner = SsmDocuments.Find(documentName)
            ?? throw new SsmServiceException("InvalidDocument", $"Document {documentName} does not exist in your account.");
        var documentVersion = input.String("DocumentVersion") ?? "$DEFAULT";
        if (documentVersion is not ("$DEFAULT" or "$LATEST" or "1"))
        {
            throw new SsmServiceException("InvalidDocumentVersion", $"Document version {documentVersion} is not valid for {documentName}.");
        }

        var instanceIds = input.Strings("InstanceIds");
        var targets = ReadTargets(input);
        if (instanceIds.Count > 0 == targets.Count > 0)
        {
            throw SsmErrors.Validation("instanceIds", "Exactly one of InstanceIds or Targets must be specified");
        }

        ValidateInstances(world, runner, instanceIds);
        var parameters = input.StringListMap("Parameters");
        runner.ValidateParameters(parameters);

        var timeoutSeconds = input.Int("TimeoutSeconds") ?? 3600;
        if (timeoutSeconds is < 30 or > 2_592_000)
        {
            throw SsmErrors.Validation("timeoutSeconds", "Member must have value between 30 and 2592000", timeoutSeconds);
        }

        var comment = input.String("Comment") ?? "";
        if (comment.Length > 100)
        {
            throw SsmErrors.Validation("comment", "Member must have length less than or equal to 100", comment);
        }

        var maxConcurrency = input.String("MaxConcurrency") ?? "50";
        if (!ExecutionLimit.IsValidConcurrency(maxConcurrency))
        {
            throw SsmErrors.Validation("maxConcurrency", "Member must satisfy regular expression pattern: ^([1-9][0-9]*|[1-9][0-9]%|[1-9]%|100%)$", maxConcurrency);
        }

        var maxErrors = input.String("MaxErrors") ?? "0";
        if (!ExecutionLimit.IsValidErrors(maxErrors))
        {
            throw SsmErrors.Validation("maxErrors", "Member must satisfy regular expression pattern: ^([1-9][0-9]*|[0]|[1-9][0-9]%|[0-9]%|100%)$", maxErrors);
        }

        var bucket = input.String("OutputS3BucketName") ?? "";
        if (bucket.Length > 0 && !BucketPattern().IsMatch(bucket))
        {
            throw new SsmServiceException("InvalidOutputFolder", $"The S3 bucket name {bucket} is not valid.");
        }

        var now = world.Now;
        var command = new RunCommand
        {
            CommandId = world.Ids.Guid(),
            DocumentName = documentName,
            DocumentVersion = documentVersion,
            Comment = comment,
            Parameters = parameters,
            RequestedInstanceIds = instanceIds,
            Targets = targets,
            RequestedAt = now,
            ExpiresAfter = world.After(now, TimeSpan.FromSeconds(timeoutSeconds)),
            TimeoutSeconds = timeoutSeconds,
            MaxConcurrency = maxConcurrency,
            MaxErrors = maxErrors,
            OutputS3Region = input.String("OutputS3Region") ?? world.Options.Region,
            OutputS3BucketName = bucket,
            OutputS3KeyPrefix = input.String("OutputS3KeyPrefix") ?? "",
            ServiceRole = input.String("ServiceRoleArn") ?? "",
            NotificationConfig = input.Raw("NotificationConfig"),
            CloudWatchOutputConfig = input.Raw("CloudWatchOutputConfig"),
        };
        world.Commands.Submit(command);
        return new JsonObject { ["Command"] = CommandJson.Command(command) };
    }

    private static List<CommandTarget> ReadTargets(SsmInput input)
    {
        var targets = input.Objects("Targets");
        if (targets.Count > 5)
        {
            throw SsmErrors.Validation("targets", "Member must have length less than or equal to 5");
        }

        var result = new List<CommandTarget>();
        foreach (var target in targets)
        {
            var key = target.RequiredString("Key");
            var values = target.Strings("Values");
            if (!CommandTargetResolver.IsSupportedKey(key))
            {
                throw SsmErrors.Validation("targets.member.key", "Member must satisfy regular expression pattern: ^[\\p{L}\\p{Z}\\p{N}_.:/=\\-@]*$|resource-groups:ResourceTypeFilters|resource-groups:Name", key);
            }

            if (values.Count > 50)
            {
                throw SsmErrors.Validation("targets.member.values", "Member must have length less than or equal to 50");
            }

            result.Add(new CommandTarget(key, values));
        }

        return result;
    }

    private static void ValidateInstances(AwsWorld world, IDocumentRunner runner, IReadOnlyList<string> instanceIds)
    {
        if (instanceIds.Count > 50)
        {
            throw SsmErrors.Validation("instanceIds", "Member must have length less than or equal to 50");
        }

        if (instanceIds.GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
        {
            throw new SsmServiceException("DuplicateInstanceId", $"Instance Id {duplicate.Key} is duplicated.");
        }

        var invalid = instanceIds.Where(id => world.Fleet.Find(id) is not { IsManaged: true, IsTerminated: false }).ToList();
        if (invalid.Count > 0)
        {
            throw SsmErrors.InvalidInstanceId($"Instances [[{string.Join(", ", invalid)}]] not in a valid state for account {world.Options.AccountId}");
        }

        var unsupported = instanceIds.Select(world.Fleet.Find).FirstOrDefault(node => !runner.SupportsPlatform(node!));
        if (unsupported is not null)
        {
            throw new SsmServiceException("UnsupportedPlatformType",
                $"Document {runner.Name} does not support the platform {unsupported.Os.PlatformType} of instance {unsupported.InstanceId}.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")]
    private static partial Regex BucketPattern();
}
