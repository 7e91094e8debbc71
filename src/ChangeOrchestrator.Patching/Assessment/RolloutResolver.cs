using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.Policies;
using ChangeOrchestrator.Patching.Policies.Loading;

namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>
/// The rollout a patch change uses, field by field: the run's input when given, else the patch group's policy,
/// else the built-in default. An input that differs from a value the policy sets is an override, which the change
/// records in its evidence.
/// </summary>
internal static class RolloutResolver
{
    public const int DefaultCanaryPercent = 10;
    public const string DefaultMaxConcurrency = "10%";
    public const string DefaultMaxErrors = "10%";
    public const string DefaultFailureThreshold = "5%";
    public const string DefaultOfflinePolicy = "exclude";

    /// <summary>Without a word from the policy, a conflicting change moves to the next free window, as CheckConflicts does.</summary>
    public const string DefaultOnConflict = "nextWindow";
    public static readonly TimeSpan DefaultSoak = TimeSpan.FromMinutes(30);

    public static (JsonObject Rollout, List<(string Field, string? PolicyValue, string Value)> Overrides) Resolve(
        AssessChange.Input input, GroupChangePolicy? policy, string activityId)
    {
        if (input.CanaryPercent is < 0 or > 100)
        {
            throw new ActivityException($"AssessChange '{activityId}': canaryPercent must be from 0 to 100, not {input.CanaryPercent}.", isTransient: false);
        }

        if (input.Soak is { } soak && soak < TimeSpan.Zero)
        {
            throw new ActivityException($"AssessChange '{activityId}': soak must not be negative.", isTransient: false);
        }

        if (input.OfflinePolicy is { } offline && offline is not ("exclude" or "abort"))
        {
            throw new ActivityException($"AssessChange '{activityId}': offlinePolicy is '{offline}', not exclude or abort.", isTransient: false);
        }

        if (input.OnConflict is { } conflict && !PolicyRules.ConflictPolicies.Contains(conflict, StringComparer.Ordinal))
        {
            throw new ActivityException($"AssessChange '{activityId}': onConflict is '{conflict}', not one of {string.Join(", ", PolicyRules.ConflictPolicies)}.", isTransient: false);
        }

        var overrides = new List<(string Field, string? PolicyValue, string Value)>();
        var rollout = new JsonObject
        {
            ["canaryPercent"] = int.Parse(Pick("canaryPercent", Text(input.CanaryPercent), Text(policy?.CanaryPercent), Text(DefaultCanaryPercent)!, overrides), CultureInfo.InvariantCulture),
            ["soak"] = Pick("soak", Text(input.Soak), Text(policy?.Soak), Text(DefaultSoak)!, overrides),
            ["maxConcurrency"] = Pick("maxConcurrency", input.MaxConcurrency, policy?.MaxConcurrency, DefaultMaxConcurrency, overrides),
            ["maxErrors"] = Pick("maxErrors", input.MaxErrors, policy?.MaxErrors, DefaultMaxErrors, overrides),
            ["failureThreshold"] = Pick("failureThreshold", input.FailureThreshold, policy?.FailureThreshold, DefaultFailureThreshold, overrides),
            ["offlinePolicy"] = Pick("offlinePolicy", input.OfflinePolicy, policy?.OfflinePolicy, DefaultOfflinePolicy, overrides),
            ["onConflict"] = Pick("onConflict", input.OnConflict, policy?.OnConflict, DefaultOnConflict, overrides),
        };
        return (rollout, overrides);
    }

    private static string Pick(string field, string? given, string? fromPolicy, string builtIn, List<(string, string?, string)> overrides)
    {
        if (given is null)
        {
            return fromPolicy ?? builtIn;
        }

        if (fromPolicy is not null && !string.Equals(given, fromPolicy, StringComparison.Ordinal))
        {
            overrides.Add((field, fromPolicy, given));
        }

        return given;
    }

    private static string? Text(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Text(TimeSpan? value) => value is { } span ? XmlConvert.ToString(span) : null;
}
