using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ChangeRequests;

namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>
/// Reads the <c>policy</c> input (environment name to classification) field by field, so a mistake is refused with
/// the path of the field at fault rather than a generic binding error. A field left out keeps the built-in value.
/// </summary>
internal static class ChangePolicyReader
{
    /// <summary>
    /// The policy for the environment: <paramref name="configured"/> (the patch group's, from the policy files) or the
    /// built-in one, with the input's entry for the environment, when there is one, laid over it for this run.
    /// </summary>
    public static (ChangePolicy Policy, string Source) For(JsonObject? policy, string environment, (ChangePolicy Policy, string Source)? configured, string activityId)
    {
        var builtIn = configured?.Policy ?? (ChangePolicy.Defaults.TryGetValue(environment, out var known) ? known : null);
        var entry = policy?.FirstOrDefault(p => string.Equals(p.Key, environment, StringComparison.OrdinalIgnoreCase));
        if (entry is not { Value: { } node } found)
        {
            return configured is { } fromFiles ? fromFiles
                : builtIn is not null ? (builtIn, $"the built-in policy for {environment}") : (ChangePolicy.Unknown, $"no policy for '{environment}', so it is treated as production");
        }

        var path = $"policy.{found.Key}";
        if (node is not JsonObject fields)
        {
            throw Invalid(activityId, path, "must be an object with changeType, risk, impact and requiresApproval");
        }

        var basis = builtIn ?? ChangePolicy.Unknown;
        if (fields.Select(f => f.Key).FirstOrDefault(k => k is not ("changeType" or "risk" or "impact" or "requiresApproval")) is { } unknown)
        {
            throw Invalid(activityId, $"{path}.{unknown}", "is not a policy field; use changeType, risk, impact or requiresApproval");
        }

        var changeType = Enum<ChangeType>(fields["changeType"], $"{path}.changeType", activityId) ?? basis.ChangeType;
        var risk = Enum<ChangeRisk>(fields["risk"], $"{path}.risk", activityId) ?? basis.Risk;
        var impact = Enum<ChangeImpact>(fields["impact"], $"{path}.impact", activityId) ?? basis.Impact;
        bool requiresApproval;
        if (fields["requiresApproval"] is null)
        {
            requiresApproval = changeType != ChangeType.Standard;
        }
        else if (fields["requiresApproval"]!.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            requiresApproval = fields["requiresApproval"]!.GetValue<bool>();
        }
        else
        {
            throw Invalid(activityId, $"{path}.requiresApproval", "must be true or false");
        }

        if (!requiresApproval && changeType != ChangeType.Standard)
        {
            throw Invalid(activityId, $"{path}.requiresApproval", $"can only be false for a standard change; a {Name(changeType)} change is always approved");
        }

        var result = new ChangePolicy(changeType, risk, impact, requiresApproval);
        if (configured is not { } basisFromFiles)
        {
            return (result, $"the {found.Key} policy");
        }

        var changed = new List<string>();
        Compare(changed, "changeType", basisFromFiles.Policy.ChangeType, result.ChangeType);
        Compare(changed, "risk", basisFromFiles.Policy.Risk, result.Risk);
        Compare(changed, "impact", basisFromFiles.Policy.Impact, result.Impact);
        if (basisFromFiles.Policy.RequiresApproval != result.RequiresApproval)
        {
            changed.Add($"requiresApproval {Flag(basisFromFiles.Policy.RequiresApproval)} -> {Flag(result.RequiresApproval)}");
        }

        return (result, $"{basisFromFiles.Source}, overridden for this run by the workflow input {path}: "
            + (changed.Count == 0 ? "no field changed" : string.Join(", ", changed)));
    }

    private static void Compare<T>(List<string> changed, string field, T before, T after)
        where T : struct, Enum
    {
        if (!before.Equals(after))
        {
            changed.Add($"{field} {Name(before)} -> {Name(after)}");
        }
    }

    private static string Flag(bool value) => value ? "true" : "false";

    private static T? Enum<T>(JsonNode? node, string path, string activityId)
        where T : struct, Enum
    {
        if (node is null)
        {
            return null;
        }

        var allowed = string.Join(", ", System.Enum.GetNames<T>().Select(Name));
        if (node is JsonValue value && value.TryGetValue<string>(out var text)
            && System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed) && !int.TryParse(text, out _))
        {
            return parsed;
        }

        throw Invalid(activityId, path, $"is {node.ToJsonString()}, not one of {allowed}");
    }

    private static string Name<T>(T value)
        where T : struct, Enum => Name(value.ToString());

    private static string Name(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static ActivityException Invalid(string activityId, string path, string problem) =>
        new($"AssessChange '{activityId}': {path} {problem}.", isTransient: false);
}
