using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.ChangeRequests;
using ChangeOrchestrator.Patching.Fleet;
using ChangeOrchestrator.Patching.Policies;

namespace ChangeOrchestrator.Patching.Assessment;

/// <summary>
/// Classifies a patch change before it is raised: the environment's policy gives the change type, risk, impact and
/// whether the CAB approves it; critical vulnerabilities may make it an emergency and a large change raises the
/// impact, and every adjustment is written in the reasons so the change request can explain itself. It only
/// computes, so a re-run is harmless.
/// </summary>
[Activity("Chooses the change type, risk, impact and whether approval is needed from the patch group's change policy in the policy files (else the built-in one: Dev standard/low/no approval; Test normal/medium; Prod normal/high; an unknown environment normal/high with approval), an override given as input for this run, and the severities found; continues on PreApproved for a standard change without approval, NeedsApproval otherwise.", Category = "Change requests")]
[Outcomes("PreApproved", "NeedsApproval")]
public sealed class AssessChange(PatchPolicyHolder policies, IRunStarterLookup starters) : PatchingActivity<AssessChange.Input, AssessChange.Output>
{
    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (string.IsNullOrWhiteSpace(input.Environment))
        {
            throw new ActivityException($"AssessChange '{context.ActivityId}': environment is required, e.g. Dev, Test or Prod.", isTransient: false);
        }

        if (input.LargeChangeThreshold < 0)
        {
            throw new ActivityException($"AssessChange '{context.ActivityId}': largeChangeThreshold must be 0 (off) or more, not {input.LargeChangeThreshold}.", isTransient: false);
        }

        var group = input.PatchGroup is { Length: > 0 } name ? policies.Current?.Group(name) : null;
        var configured = group is null ? ((ChangePolicy, string)?)null : (
            new ChangePolicy(group.ChangePolicy.ChangeType, group.ChangePolicy.Risk, group.ChangePolicy.Impact, group.ChangePolicy.RequiresApproval),
            $"the change policy of patch group {group.Name}{(group.Location is { } at ? $", {Path.GetFileName(at.File)}:{at.Line}" : "")}");
        var (policy, source) = ChangePolicyReader.For(input.Policy, input.Environment, configured, context.ActivityId);
        var reasons = new List<string>
        {
            $"{input.Environment}: {Name(policy.ChangeType)} change, {Name(policy.Risk)} risk, {Name(policy.Impact)} impact, {(policy.RequiresApproval ? "approval required" : "no approval")} ({source}).",
        };

        var tally = new MissingPatchTally();
        await foreach (var server in context.ReadListAsync<InstanceMissingPatches>(input.MissingPatches, "missingPatches", cancellationToken))
        {
            tally.Add(server);
        }

        var criticalCves = tally.CriticalCves;
        reasons.Add(tally.Patches == 0
            ? "No missing patches were reported."
            : $"{tally.Patches} missing patches on {tally.ServersWithPatches} servers; highest severity {tally.HighestSeverity}"
              + (tally.CriticalPatches > 0 ? $"; {tally.CriticalPatches} of them critical, fixing {criticalCves.Count} CVEs." : "."));

        // Severity decides urgency, not risk: the risk of a change is what installing it may break, which the
        // environment's policy states; critical vulnerabilities may only turn it into an emergency.
        var changeType = policy.ChangeType;
        var requiresApproval = policy.RequiresApproval;
        if (input.CriticalAsEmergency && policy.IsCritical && tally.CriticalPatches > 0)
        {
            changeType = ChangeType.Emergency;
            requiresApproval = true;
            reasons.Add($"Critical CVEs in a {Name(policy.Risk)}-risk environment make it an emergency change (criticalAsEmergency).");
        }

        var impact = policy.Impact;
        var targetCount = input.TargetCount > 0 ? input.TargetCount : tally.ServersWithPatches;
        if (input.LargeChangeThreshold > 0 && targetCount >= input.LargeChangeThreshold && impact < ChangeImpact.High)
        {
            impact++;
            reasons.Add($"{targetCount} servers reach the large-change threshold of {input.LargeChangeThreshold}: impact raised from {Name(policy.Impact)} to {Name(impact)}.");
        }

        var (rollout, rolloutOverrides) = RolloutResolver.Resolve(input, group?.ChangePolicy, context.ActivityId);
        var overrides = await OverridesAsync(context, configured?.Item1, policy, rolloutOverrides, cancellationToken);
        if (overrides.Count > 0)
        {
            var by = overrides[0].StartedBy is { } starter ? $" by {starter}" : "";
            reasons.Add($"For this run (started{by}) the workflow input overrides the policy of patch group {group!.Name}: "
                + string.Join(", ", overrides.Select(o => $"{o.Field} {o.PolicyValue} -> {o.Value}")) + ".");
        }

        var preApproved = changeType == ChangeType.Standard && !requiresApproval;
        reasons.Add(preApproved ? "A standard change: pre-approved, no CAB review." : $"A {Name(changeType)} change: it needs approval before it runs.");
        context.Journal($"{Name(changeType)} change, {Name(policy.Risk)} risk, {Name(impact)} impact; {(requiresApproval ? "needs approval" : "pre-approved")}");
        return Outcome(preApproved ? "PreApproved" : "NeedsApproval", new Output
        {
            ChangeType = changeType,
            Risk = policy.Risk,
            Impact = impact,
            RequiresApproval = requiresApproval,
            HighestSeverity = tally.HighestSeverity,
            CriticalCves = criticalCves,
            Reasons = reasons,
            Rollout = rollout,
            Overrides = overrides,
            Window = group is null ? null : Window(policies.Current!.WindowsFor(group.Name).FirstOrDefault()),
        });
    }

    /// <summary>
    /// Every value of the group's policy the run's inputs replaced, classification and rollout alike, with who
    /// started the run (looked up only when there is an override to record).
    /// </summary>
    private async Task<List<PolicyOverride>> OverridesAsync(
        ActivityContext context, ChangePolicy? configured, ChangePolicy used, List<(string Field, string? PolicyValue, string Value)> rollout, CancellationToken cancellationToken)
    {
        var changed = new List<(string Field, string? PolicyValue, string Value)>();
        if (configured is not null)
        {
            Compare(changed, "changeType", Name(configured.ChangeType), Name(used.ChangeType));
            Compare(changed, "risk", Name(configured.Risk), Name(used.Risk));
            Compare(changed, "impact", Name(configured.Impact), Name(used.Impact));
            Compare(changed, "requiresApproval", configured.RequiresApproval ? "true" : "false", used.RequiresApproval ? "true" : "false");
        }

        changed.AddRange(rollout);
        if (changed.Count == 0)
        {
            return [];
        }

        var startedBy = await starters.StartedByAsync(context.InstanceId, cancellationToken);
        context.Journal($"Policy overridden for this run{(startedBy is null ? "" : " by " + startedBy)}: {string.Join(", ", changed.Select(c => c.Field))}");
        return [.. changed.Select(c => new PolicyOverride(c.Field, c.PolicyValue, c.Value, startedBy))];
    }

    private static void Compare(List<(string, string?, string)> changed, string field, string policyValue, string used)
    {
        if (!string.Equals(policyValue, used, StringComparison.Ordinal))
        {
            changed.Add((field, policyValue, used));
        }
    }

    /// <summary>
    /// The group's maintenance window from the policy files, in the terms of WaitForMaintenanceWindow: SSM's
    /// six-field cron (with a year and '?') becomes the five-field form; a rate schedule has no calendar form and
    /// leaves the schedule out, its freezes still count.
    /// </summary>
    private static JsonObject? Window(MaintenanceWindowPolicy? window)
    {
        if (window is null)
        {
            return null;
        }

        var fields = window.Schedule.StartsWith("cron(", StringComparison.Ordinal) ? window.Schedule[5..^1].Split(' ') : [];
        return new JsonObject
        {
            ["name"] = window.Name,
            ["schedule"] = fields.Length == 6 ? string.Join(' ', fields[..5].Select(f => f == "?" ? "*" : f)) : null,
            ["duration"] = System.Xml.XmlConvert.ToString(TimeSpan.FromHours(window.Duration)),
            ["timeZone"] = window.TimeZone ?? "UTC",
            ["freezes"] = new JsonArray([.. window.Freezes.Select(f => (JsonNode)new JsonObject
            {
                ["start"] = f.Start.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["end"] = f.End.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["reason"] = f.Reason ?? "freeze from the patch policy",
            })]),
        };
    }

    /// <summary>Windows (MSRC) and Linux severities on one scale: Critical, Important/High, Moderate/Medium, Low, then anything else.</summary>

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public sealed record Input
    {
        [Description("The environment the change patches, e.g. Dev, Test or Prod; looked up in the policy ignoring case.")]
        public required string Environment { get; init; }

        [Description("The patch group being changed; when the policy files declare it, its change policy replaces the built-in one for the environment.")]
        public string? PatchGroup { get; init; }

        [Description("What each server misses: the instances output of ScanForMissingPatches (a list of { instanceId, missingCount, patches }), read a page at a time. Empty by default.")]
        [StreamsResults]
        public JsonNode? MissingPatches { get; init; }

        [Description("How many servers the change patches; the servers with missing patches when 0.")]
        public int TargetCount { get; init; }

        [Description("Environment name to { changeType: standard|normal|emergency, risk: low|medium|high|critical, impact: low|medium|high, requiresApproval }, overriding for this run the patch group's policy from the policy files (the override is written in the reasons) or the built-in one; a field left out keeps the policy's value (Dev standard/low/low/no approval, Test normal/medium/medium, Prod normal/high/high; an unknown environment normal/high/high with approval).")]
        public JsonObject? Policy { get; init; }

        [Description("Make the change an emergency when critical-severity patches fix CVEs in an environment of high or critical risk (Prod by default); false by default.")]
        public bool CriticalAsEmergency { get; init; }

        [Description("Servers from which the impact is raised one level (up to high); 50 by default, 0 turns it off.")]
        public int LargeChangeThreshold { get; init; } = 50;

        [Description("Share of the servers patched first as a canary wave (0 = one wave), for this run; the patch group's policy, else 10, when not given.")]
        public int? CanaryPercent { get; init; }

        [Description("How long the canary wave soaks before the rest, for this run; the patch group's policy, else PT30M, when not given.")]
        public TimeSpan? Soak { get; init; }

        [Description("SSM MaxConcurrency for this run; the patch group's policy, else 10%, when not given.")]
        [Format(ValueFormat.PercentOrCount)]
        public string? MaxConcurrency { get; init; }

        [Description("SSM MaxErrors for this run; the patch group's policy, else 10%, when not given.")]
        [Format(ValueFormat.PercentOrCountFromZero)]
        public string? MaxErrors { get; init; }

        [Description("Failed servers a wave tolerates for this run; the patch group's policy, else 5%, when not given.")]
        [Format(ValueFormat.PercentOrCountFromZero)]
        public string? FailureThreshold { get; init; }

        [Description("exclude or abort for servers whose agent is offline, for this run; the patch group's policy, else exclude, when not given.")]
        public string? OfflinePolicy { get; init; }

        [Description("nextWindow, raiseWithConflicts or stop when the window conflicts with another change or a blackout, for this run; the patch group's policy, else nextWindow, when not given.")]
        public string? OnConflict { get; init; }
    }

    public sealed record Output
    {
        [Description("standard, normal or emergency: the changeType input of RaiseChangeRequest.")]
        public required ChangeType ChangeType { get; init; }

        [Description("low, medium, high or critical: the risk input of RaiseChangeRequest.")]
        public required ChangeRisk Risk { get; init; }

        [Description("low, medium or high: the impact input of RaiseChangeRequest.")]
        public required ChangeImpact Impact { get; init; }

        [Description("Whether the change goes to approval: the requestApproval input of RaiseChangeRequest.")]
        public required bool RequiresApproval { get; init; }

        [Description("The highest severity among the missing patches as reported (Critical, Important...), None when nothing is missing.")]
        public required string HighestSeverity { get; init; }

        [Description("CVEs fixed by critical-severity missing patches.")]
        public required IReadOnlyList<string> CriticalCves { get; init; }

        [Description("Why: the policy applied and each adjustment, in sentences for the change request.")]
        public required IReadOnlyList<string> Reasons { get; init; }

        [Description("The rollout this run uses: { canaryPercent, soak, maxConcurrency, maxErrors, failureThreshold, offlinePolicy, onConflict }, each the input when given, else the patch group's policy from the policy files, else the built-in default (10, PT30M, 10%, 10%, 5%, exclude, nextWindow).")]
        public required JsonObject Rollout { get; init; }

        [Description("Every value of the patch group's policy this run's inputs replaced: { field, policyValue, value, startedBy }; empty when the run follows its policy.")]
        public IReadOnlyList<PolicyOverride> Overrides { get; init; } = [];

        [Description("The first maintenance window serving the patch group in the policy files: { name, schedule (five-field cron, null for a rate), duration, timeZone, freezes }; null when the files declare none.")]
        public JsonObject? Window { get; init; }
    }
}
