using ChangeOrchestrator.IntegrationTests.Patching.Support;

namespace ChangeOrchestrator.IntegrationTests.Durability.Chaos;

/// <summary>
/// The invariants of a chaos run, read from the simulators' records (ServiceNow's table, journal and field history,
/// Jira's issues and changelogs, the EC2 snapshots and SSM commands of the account) and from each instance's journal.
/// </summary>
internal static class ChaosInvariants
{
    public static async Task<List<string>> ViolationsAsync(IReadOnlyList<ChaosChange> changes, DeskSimulators desks, AwsSimulator aws)
    {
        var violations = new List<string>();
        var installs = (await aws.AllInstallCommandsAsync()).SelectMany(c => c.InstanceIds).GroupBy(i => i, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var volumes = (await aws.NodesAsync()).ToDictionary(n => n.InstanceId, n => n.VolumeIds, StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var name = $"{change.Desk} {change.Number ?? "(no number)"} ({change.InstanceId})";
            var outcome = change.Final?["outputs"]?["close"]?["outcome"]?.GetValue<string>();
            if (change.Status != "Completed" || outcome != "successful")
            {
                var why = change.Journal.LastOrDefault(e => e["type"]!.GetValue<string>().Contains("Fault", StringComparison.Ordinal));
                violations.Add($"{name}: ended {change.Status}, close outcome {outcome ?? "none"}{(why is null ? "" : $"; {why["activityId"]} {why["message"]} ({(why["data"] as System.Text.Json.Nodes.JsonObject)?["error"]})")}");
            }

            violations.AddRange(ActivitiesCompletedTwice(change).Select(a => $"{name}: activity {a} completed more than once"));
            if (change.Number is not { } number)
            {
                continue;
            }

            violations.AddRange((change.Desk == "servicenow" ? await ServiceNowAsync(change, number, desks) : await JiraAsync(change, number, desks)).Select(v => $"{name}: {v}"));
            var patched = change.Final?["variables"]?["patchIds"]?.AsArray().Select(i => i!.GetValue<string>()).ToList() ?? [];
            var expected = patched.SelectMany(p => volumes.GetValueOrDefault(p) ?? []).Order(StringComparer.Ordinal).ToList();
            var snapshotted = (await aws.SnapshotsOfChangeAsync(number)).Select(s => s.VolumeId).Order(StringComparer.Ordinal).ToList();
            if (!expected.SequenceEqual(snapshotted, StringComparer.Ordinal))
            {
                violations.Add($"{name}: {snapshotted.Count} snapshots for {expected.Count} volumes ({string.Join(", ", snapshotted.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => $"{g.Key} x{g.Count()}"))})");
            }

            foreach (var server in patched.Where(p => installs.GetValueOrDefault(p) != 1))
            {
                violations.Add($"{name}: server {server} was sent {installs.GetValueOrDefault(server)} installs");
            }
        }

        return violations;
    }

    /// <summary>An activity of the patch change runs at most once on its path; completing twice means a burst was applied twice.</summary>
    private static IEnumerable<string> ActivitiesCompletedTwice(ChaosChange change) =>
        change.Journal
            .Where(e => e["type"]!.GetValue<string>() == "ActivityCompleted")
            .GroupBy(e => e["activityId"]!.GetValue<string>(), StringComparer.Ordinal)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key} ({g.Count()}x)");

    private static async Task<List<string>> ServiceNowAsync(ChaosChange change, string number, DeskSimulators desks)
    {
        var violations = new List<string>();
        var count = await desks.ServiceNowChangeCountAsync(change.InstanceId);
        if (count != 1)
        {
            violations.Add($"{count} change requests for one change");
        }

        var record = await desks.ServiceNowChangeAsync(number);
        var sysId = DeskSimulators.Value(record, "sys_id");
        var notes = await desks.ServiceNowWorkNotesAsync(sysId);
        var attachments = await desks.ServiceNowAttachmentsAsync(sysId);
        if (DeskSimulators.Value(record, "state") != "3")
        {
            violations.Add($"change request in state {DeskSimulators.Value(record, "state")}, not Closed");
        }

        // Closed once, counted from the instance's own state history (sys_audit), as the Jira changelog counts it.
        var closes = (await desks.ServiceNowStateChangesAsync(sysId)).Count(s => s == "3");
        if (closes != 1)
        {
            violations.Add($"moved to Closed {closes} times");
        }

        if (!attachments.Keys.Order(StringComparer.Ordinal).SequenceEqual([$"patch-evidence-{number}.json", $"patch-evidence-{number}.md"]))
        {
            violations.Add($"evidence attached as {string.Join(", ", attachments.Keys)}");
        }

        violations.AddRange(notes.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"work note written {g.Count()} times: {Short(g.Key)}"));
        return violations;
    }

    private static async Task<List<string>> JiraAsync(ChaosChange change, string key, DeskSimulators desks)
    {
        var violations = new List<string>();
        var count = await desks.JiraIssueCountAsync($"project = \"ITOPS\" AND labels = \"changeorchestrator-{change.InstanceId}\"");
        if (count != 1)
        {
            violations.Add($"{count} change issues for one change");
        }

        var closes = (await desks.JiraStatusChangesAsync(key)).Count(s => s == "Completed");
        if (closes != 1)
        {
            violations.Add($"moved to Completed {closes} times");
        }

        var issue = await desks.JiraIssueAsync(key, "attachment,comment");
        var attachments = issue["fields"]!["attachment"]!.AsArray().Select(a => a!["filename"]!.GetValue<string>()).ToList();
        if (!attachments.Order(StringComparer.Ordinal).SequenceEqual([$"patch-evidence-{key}.json", $"patch-evidence-{key}.md"]))
        {
            violations.Add($"evidence attached as {string.Join(", ", attachments)}");
        }

        var comments = issue["fields"]!["comment"]!["comments"]!.AsArray().Select(c => c!["body"]!.ToJsonString()).ToList();
        violations.AddRange(comments.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"work note written {g.Count()} times: {Short(g.Key)}"));
        return violations;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
