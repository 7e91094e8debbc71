namespace ChangeOrchestrator.Connectors.Aws.Policies;

/// <summary>The tags that mark what the policy owns in SSM and what it last applied.</summary>
internal static class PolicyTags
{
    public const string ManagedBy = "managed-by";

    public const string ManagedByValue = "changeorchestrator";

    /// <summary>Hash of the fields last applied: fields that no longer hash to it were changed in SSM.</summary>
    public const string AppliedHash = "changeorchestrator:policy-hash";

    /// <summary>The patch groups a window serves; SSM has no field for it.</summary>
    public const string PatchGroups = "changeorchestrator:patch-groups";

    /// <summary>Separates patch group names in a tag value, where SSM allows no comma.</summary>
    public const char GroupSeparator = '/';
}
