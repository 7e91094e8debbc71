using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Instances;
using ChangeOrchestrator.Engine.Persistence;
using ChangeOrchestrator.Patching.ActivityEdge;
using ChangeOrchestrator.Patching.Compliance.History;
using ChangeOrchestrator.Patching.Compliance.Slas;
using ChangeOrchestrator.Patching.Policies;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Patching.Compliance.Digest;

/// <summary>
/// The daily compliance digest: the missing patches past their SLA (excepted ones left out, as the policy allows them)
/// and the critical findings first seen since the previous digest. "Since the previous digest" is the creation time
/// of the newest completed instance of the same workflow created before this one, so the digests of consecutive days
/// neither overlap nor leave a gap, a missed day included, and a re-run of the same instance after a crash reads the
/// same span and says the same thing.
/// </summary>
[Activity("Reads the compliance history for a digest: SLA breaches (exceptions honoured) and critical findings first seen since the previous completed digest of this workflow, with a ready-made text and fields for Notify.", Category = "Compliance")]
public sealed class ReadComplianceDigest(
    IComplianceQueries queries,
    IWorkflowInstanceQueries instances,
    PatchPolicyHolder policy,
    IOptions<ComplianceHistoryOptions> options) : PatchingActivity<ReadComplianceDigest.Input, ReadComplianceDigest.Output>
{
    private const string CriticalSeverity = "Critical";

    protected override async ValueTask<ActivityResult> RunAsync(ActivityContext<Input> context, CancellationToken cancellationToken)
    {
        var input = context.Input;
        if (input.MaxLines is < 1 or > 500)
        {
            throw new ActivityException($"ReadComplianceDigest '{context.ActivityId}': maxLines must be between 1 and 500; {input.MaxLines} is not.", isTransient: false);
        }

        if (input.FirstLookBack <= TimeSpan.Zero)
        {
            throw new ActivityException($"ReadComplianceDigest '{context.ActivityId}': firstLookBack must be positive; {input.FirstLookBack} is not.", isTransient: false);
        }

        var until = input.Until ?? context.Now;
        var since = input.Since ?? await PreviousDigestAsync(context, until, cancellationToken) ?? until - input.FirstLookBack;
        var filter = new ComplianceFilter { PatchGroup = input.PatchGroup, Environment = input.Environment };
        var open = await queries.OpenFindingsAsync(filter, cancellationToken);
        var breaches = SlaEvaluator.Evaluate(open, policy.Current, until, options.Value.DueSoonDays).Where(f => f.Status == SlaStatus.Breached).ToList();
        var newCritical = open
            .Where(f => string.Equals(f.Severity, CriticalSeverity, StringComparison.OrdinalIgnoreCase) && f.FirstSeenAt >= since && f.FirstSeenAt < until)
            .OrderBy(f => f.ServerId, StringComparer.Ordinal)
            .ThenBy(f => f.PatchId, StringComparer.Ordinal)
            .ToList();
        var newBreaches = breaches.Count(b => b.DueAt >= since);
        var text = Text(breaches, newBreaches, newCritical, since, input.MaxLines);
        context.Journal($"Compliance digest from {Time(since)} to {Time(until)}: {breaches.Count} SLA breaches ({newBreaches} new), {newCritical.Count} new critical findings");
        return Done(new Output
        {
            Since = since,
            Until = until,
            Breaches = breaches.Count,
            NewBreaches = newBreaches,
            NewCritical = newCritical.Count,
            HasNews = breaches.Count > 0 || newCritical.Count > 0,
            Text = text,
            Fields = new JsonObject
            {
                ["since"] = Time(since),
                ["until"] = Time(until),
                ["slaBreaches"] = breaches.Count,
                ["newSlaBreaches"] = newBreaches,
                ["newCriticalFindings"] = newCritical.Count,
                ["serversWithBreaches"] = breaches.Select(b => b.Finding.ServerId).Distinct(StringComparer.Ordinal).Count(),
            },
            BreachList = new JsonArray([.. breaches.Take(input.MaxLines).Select(b => (JsonNode)new JsonObject
            {
                ["serverId"] = b.Finding.ServerId,
                ["patchId"] = b.Finding.PatchId,
                ["severity"] = b.Finding.Severity,
                ["cveIds"] = new JsonArray([.. b.Finding.CveIds.Select(c => (JsonNode)c)]),
                ["ageDays"] = b.AgeDays,
                ["slaDays"] = b.SlaDays,
                ["dueAt"] = b.DueAt,
            })]),
            NewCriticalList = new JsonArray([.. newCritical.Take(input.MaxLines).Select(f => (JsonNode)new JsonObject
            {
                ["serverId"] = f.ServerId,
                ["patchId"] = f.PatchId,
                ["title"] = f.Title,
                ["cveIds"] = new JsonArray([.. f.CveIds.Select(c => (JsonNode)c)]),
                ["firstSeenAt"] = f.FirstSeenAt,
            })]),
        });
    }

    private async Task<DateTimeOffset?> PreviousDigestAsync(ActivityContext context, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var page = await instances.ListAsync(
            new InstanceQuery { DefinitionId = context.Definition.Id, Status = InstanceStatus.Completed, CreatedBefore = until, SummaryOnly = true, Limit = 1 },
            cancellationToken);
        return page.Items.FirstOrDefault(i => i.Id != context.InstanceId)?.CreatedAt;
    }

    private static string Text(IReadOnlyList<SlaFinding> breaches, int newBreaches, IReadOnlyList<PatchFinding> newCritical, DateTimeOffset since, int maxLines)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"SLA breaches: {breaches.Count} ({newBreaches} new since {Time(since)})");
        foreach (var breach in breaches.Take(maxLines))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {breach.Finding.ServerId}: {breach.Finding.PatchId} ({breach.Finding.Severity ?? SlaEvaluator.UnknownSeverity}) {breach.AgeDays} days missing, SLA {breach.SlaDays} days{Cves(breach.Finding.CveIds)}");
        }

        More(text, breaches.Count, maxLines);
        text.Append(CultureInfo.InvariantCulture, $"\nNew critical findings since {Time(since)}: {newCritical.Count}");
        foreach (var finding in newCritical.Take(maxLines))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- {finding.ServerId}: {finding.PatchId} {finding.Title}{Cves(finding.CveIds)}");
        }

        More(text, newCritical.Count, maxLines);
        return text.ToString();
    }

    private static void More(StringBuilder text, int count, int maxLines)
    {
        if (count > maxLines)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n- and {count - maxLines} more (see the compliance page)");
        }
    }

    private static string Cves(IReadOnlyList<string> cves) => cves.Count == 0 ? "" : " [" + string.Join(", ", cves) + "]";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public sealed record Input
    {
        [Description("The end of the span (exclusive) for new findings and the moment SLAs are judged at; now when absent. The digest workflow passes its instance's creation time, so a re-run reads the same span.")]
        public DateTimeOffset? Until { get; init; }

        [Description("The start of the span for new findings; when absent, the creation time of the previous completed digest of this workflow, or firstLookBack before until for the first digest.")]
        public DateTimeOffset? Since { get; init; }

        [Description("How far the first digest looks back for new findings (ISO 8601); P1D by default.")]
        public TimeSpan FirstLookBack { get; init; } = TimeSpan.FromDays(1);

        [Description("Only servers of this patch group; every group when null.")]
        public string? PatchGroup { get; init; }

        [Description("Only servers of this environment; every environment when null.")]
        public string? Environment { get; init; }

        [Description("At most this many breaches and new findings are listed one by one (1 to 500); 20 by default. The counts are always complete.")]
        public int MaxLines { get; init; } = 20;
    }

    public sealed record Output
    {
        [Description("The span new findings were counted in: since (inclusive) ...")]
        public required DateTimeOffset Since { get; init; }

        [Description("... until (exclusive).")]
        public required DateTimeOffset Until { get; init; }

        [Description("Missing patches past their SLA now (excepted ones not counted).")]
        public required int Breaches { get; init; }

        [Description("Of those, the ones that fell due since the previous digest.")]
        public required int NewBreaches { get; init; }

        [Description("Critical findings first seen in the span and still missing.")]
        public required int NewCritical { get; init; }

        [Description("Whether there is any breach or new critical finding.")]
        public required bool HasNews { get; init; }

        [Description("The digest as plain text, one line per breach and per new finding (up to maxLines each).")]
        public required string Text { get; init; }

        [Description("The counts as Notify fields.")]
        public required JsonObject Fields { get; init; }

        [Description("The breaches listed: { serverId, patchId, severity, cveIds, ageDays, slaDays, dueAt }.")]
        public required JsonArray BreachList { get; init; }

        [Description("The new critical findings listed: { serverId, patchId, title, cveIds, firstSeenAt }.")]
        public required JsonArray NewCriticalList { get; init; }
    }
}
