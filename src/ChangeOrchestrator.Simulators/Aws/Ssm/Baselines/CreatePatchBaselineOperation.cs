using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Baselines;

/// <summary>CreatePatchBaseline; a repeated ClientToken returns the baseline it created, or IdempotentParameterMismatch.</summary>
internal sealed class CreatePatchBaselineOperation : ISsmOperation
{
    private const int MaxCustomBaselines = 50;

    public string Name => "CreatePatchBaseline";

    public JsonObject Execute(SsmInput input, AwsWorld world)
    {
        var clientToken = input.String("ClientToken");
        var fingerprint = input.RawText();
        if (clientToken is not null && world.Baselines.All.FirstOrDefault(b => b.ClientToken == clientToken) is { } earlier)
        {
            return earlier.CreateFingerprint == fingerprint
                ? new JsonObject { ["BaselineId"] = earlier.BaselineId }
                : throw new SsmServiceException("IdempotentParameterMismatch", "Error: Idempotent parameter mismatch.");
        }

        var name = PatchBaselineInput.Name(input);
        var os = PatchBaselineInput.OperatingSystem(input);
        if (world.Baselines.All.Count(b => !b.IsAwsOwned) >= MaxCustomBaselines)
        {
            throw new SsmServiceException("ResourceLimitExceededException", $"You have reached the maximum of {MaxCustomBaselines} patch baselines.");
        }

        var now = world.Now;
        var baseline = new PatchBaseline
        {
            BaselineId = world.Ids.Hex17("pb-"),
            Name = name,
            OperatingSystem = os,
            IsAwsOwned = false,
            CreatedDate = now,
            ModifiedDate = now,
            Description = input.String("Description"),
            GlobalFilters = PatchBaselineInput.Filters(input.Object("GlobalFilters"), "globalFilters", os),
            ApprovalRules = PatchBaselineInput.Rules(input, os),
            ApprovedPatches = PatchBaselineInput.PatchList(input, "ApprovedPatches"),
            ApprovedPatchesComplianceLevel = PatchBaselineInput.ComplianceLevel(input.String("ApprovedPatchesComplianceLevel")),
            ApprovedPatchesEnableNonSecurity = input.Bool("ApprovedPatchesEnableNonSecurity") ?? false,
            RejectedPatches = PatchBaselineInput.PatchList(input, "RejectedPatches"),
            RejectedPatchesAction = PatchBaselineInput.RejectedPatchesAction(input.String("RejectedPatchesAction")),
            AvailableSecurityUpdatesComplianceStatus = input.String("AvailableSecurityUpdatesComplianceStatus"),
            Sources = input.Raw("Sources") as JsonArray,
            ClientToken = clientToken,
            CreateFingerprint = fingerprint,
        };
        world.Baselines.Add(baseline);
        var tags = world.ResourceTags.For("PatchBaseline", baseline.BaselineId);
        foreach (var tag in input.Objects("Tags"))
        {
            tags[tag.RequiredString("Key")] = tag.String("Value") ?? "";
        }

        return new JsonObject { ["BaselineId"] = baseline.BaselineId };
    }
}
