using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.ActivityEdge;

namespace ChangeOrchestrator.Patching.Policies;

/// <summary>
/// Gives a workflow the loaded patch policy: the patch groups, their maintenance windows (with freezes), the
/// compliance SLAs and the exceptions that still count. With no policy loaded everything is empty, so a workflow
/// falls back on its inputs.
/// </summary>
[Activity("Reads the loaded patch policy: patch groups (name, environment), maintenance windows with freezes, compliance SLAs by severity and the exceptions not yet expired; empty when no policy is loaded.", Category = "Patch policy")]
public sealed class ReadPatchPolicy(PatchPolicyHolder policies, TimeProvider time) : PatchingActivity<ReadPatchPolicy.Input, ReadPatchPolicy.Output>
{
    protected override ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var policy = policies.Current;
        var groups = policy?.PatchGroups.Where(g => context.Input.PatchGroup is null || g.Name == context.Input.PatchGroup).ToList() ?? [];
        var windows = policy?.MaintenanceWindows.Where(w => context.Input.PatchGroup is null || w.PatchGroups.Contains(context.Input.PatchGroup)).ToList() ?? [];
        var now = time.GetUtcNow();
        return ValueTask.FromResult(Done(new Output
        {
            Loaded = policy is not null,
            PatchGroups = [.. groups.Select(g => g.Name)],
            Environments = new JsonObject([.. groups.Select(g => KeyValuePair.Create(g.Name, (JsonNode?)g.Environment))]),
            Windows = new JsonArray([.. windows.Select(w => (JsonNode)new JsonObject
            {
                ["name"] = w.Name,
                ["schedule"] = w.Schedule,
                ["timeZone"] = w.TimeZone ?? "UTC",
                ["duration"] = XmlConvert.ToString(TimeSpan.FromHours(w.Duration)),
                ["cutoff"] = XmlConvert.ToString(TimeSpan.FromHours(w.Cutoff)),
                ["patchGroups"] = new JsonArray([.. w.PatchGroups.Select(g => (JsonNode)g)]),
                ["freezes"] = new JsonArray([.. w.Freezes.Select(f => (JsonNode)new JsonObject
                {
                    ["start"] = f.Start.ToString("O", CultureInfo.InvariantCulture),
                    ["end"] = f.End.ToString("O", CultureInfo.InvariantCulture),
                    ["reason"] = f.Reason,
                })]),
            })]),
            Slas = new JsonObject([.. (policy?.Slas ?? []).Select(s => KeyValuePair.Create(s.Severity, (JsonNode?)s.Days))]),
            Exceptions = new JsonArray([.. (policy?.ActiveExceptions(now) ?? []).Select(e => (JsonNode)new JsonObject
            {
                ["server"] = e.Server,
                ["patch"] = e.Patch,
                ["cve"] = e.Cve,
                ["approver"] = e.Approver,
                ["expires"] = e.Expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            })]),
        }));
    }

    public sealed record Input
    {
        [Description("Only this patch group and the windows that serve it; every group when null.")]
        public string? PatchGroup { get; init; }
    }

    public sealed record Output
    {
        [Description("Whether a policy is loaded.")]
        public required bool Loaded { get; init; }

        [Description("The patch group names (the Patch Group tag values).")]
        public required IReadOnlyList<string> PatchGroups { get; init; }

        [Description("Patch group name to its environment.")]
        public required JsonObject Environments { get; init; }

        [Description("Maintenance windows: { name, schedule, timeZone, duration, cutoff (ISO 8601), patchGroups, freezes: [{ start, end, reason }] }; the freezes fit WaitForMaintenanceWindow's freezes input.")]
        public required JsonArray Windows { get; init; }

        [Description("Severity to the days a missing patch may stay missing.")]
        public required JsonObject Slas { get; init; }

        [Description("Exceptions not yet expired: { server, patch, cve, approver, expires }.")]
        public required JsonArray Exceptions { get; init; }
    }
}
