using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Fleet.Patches;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;
using ChangeOrchestrator.Simulators.Aws.Ssm.Compliance;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

/// <summary>
/// AWS-RunPatchBaseline. Scan reports compliance from what is installed. Install applies the approved missing
/// updates (some may fail), then with RebootIfNeeded reboots (agent ConnectionLost meanwhile) and finishes after
/// the reboot; with NoReboot the updates stay InstalledPendingReboot. An agent armed to stay offline after the
/// reboot leaves the invocation InProgress until the execution timeout. Compliance is written after a lag.
/// </summary>
internal sealed class PatchBaselineRunner : IDocumentRunner
{
    private static readonly HashSet<string> Declared = new(StringComparer.Ordinal)
    {
        "Operation", "RebootOption", "SnapshotId", "InstallOverrideList", "BaselineOverride", "AssociationId",
    };

    public string Name => "AWS-RunPatchBaseline";

    public string PluginNameFor(FleetNode node) => node.Os.PatchPluginName;

    public bool SupportsPlatform(FleetNode node) => true;

    public void ValidateParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        if (parameters.Keys.FirstOrDefault(key => !Declared.Contains(key)) is { } unknown)
        {
            throw Invalid($"Parameter \"{unknown}\" is not declared in document AWS-RunPatchBaseline.");
        }

        if (!parameters.TryGetValue("Operation", out var operation) || operation.Count != 1 || operation[0] is not ("Scan" or "Install"))
        {
            throw Invalid("Parameter \"Operation\" must be one of [Scan, Install].");
        }

        if (parameters.TryGetValue("RebootOption", out var reboot) && (reboot.Count != 1 || reboot[0] is not ("RebootIfNeeded" or "NoReboot")))
        {
            throw Invalid("Parameter \"RebootOption\" must be one of [RebootIfNeeded, NoReboot].");
        }

        if (parameters.TryGetValue("SnapshotId", out var snapshot) && (snapshot.Count != 1 || (snapshot[0].Length > 0 && !Guid.TryParse(snapshot[0], out _))))
        {
            throw Invalid("Parameter \"SnapshotId\" must be a GUID.");
        }
    }

    public void Run(AwsWorld world, CommandInvocation invocation, DateTimeOffset at)
    {
        var parameters = invocation.Command.Parameters;
        var snapshotId = parameters.TryGetValue("SnapshotId", out var snapshot) && snapshot[0].Length > 0 ? snapshot[0] : world.Ids.Guid();
        var overrideList = parameters.TryGetValue("InstallOverrideList", out var list) ? list[0] : "";
        var reboot = parameters.TryGetValue("RebootOption", out var option) ? option[0] : "RebootIfNeeded";
        if (parameters["Operation"][0] == "Scan")
        {
            Scan(world, invocation, at, snapshotId, overrideList);
        }
        else
        {
            Install(world, invocation, at, new PatchRunContext("Install", at, at, snapshotId, reboot, overrideList));
        }
    }

    private static void Scan(AwsWorld world, CommandInvocation invocation, DateTimeOffset at, string snapshotId, string overrideList)
    {
        var generation = invocation.Generation;
        world.Timeline.Schedule(world.After(at, world.Durations.Scan), end =>
        {
            if (invocation.Generation != generation)
            {
                return;
            }

            var report = world.Compliance.Build(invocation.Node, new PatchRunContext("Scan", at, end, snapshotId, null, overrideList));
            world.Commands.Finish(invocation, end, InvocationStatus.Success, InvocationStatus.Success, 0,
                output: PatchRunOutput.Summary(invocation.Node, report, [], []));
            WriteReport(world, invocation.Node, report, end);
        });
    }

    private static void Install(AwsWorld world, CommandInvocation invocation, DateTimeOffset at, PatchRunContext run)
    {
        var node = invocation.Node;
        var generation = invocation.Generation;
        var candidates = PatchComplianceEvaluator.InstallCandidates(node, world.Baselines.ForNode(node), at);
        var failing = ChooseFailures(world, node, candidates);
        var installEnd = world.After(at, world.Durations.InstallBase + (world.Durations.InstallPerPatch * candidates.Count));
        var timeoutAt = world.After(at, world.Durations.ExecutionTimeout);
        world.Timeline.Schedule(installEnd < timeoutAt ? installEnd : timeoutAt, end =>
        {
            if (invocation.Generation != generation)
            {
                return;
            }

            if (end == timeoutAt && installEnd >= timeoutAt)
            {
                world.Commands.Finish(invocation, end, InvocationStatus.TimedOut, "ExecutionTimedOut", -1);
                return;
            }

            var installed = candidates.Where(p => !failing.Contains(p)).ToList();
            var rebootNeeded = run.RebootOption == "RebootIfNeeded" && (installed.Count > 0 || node.Patches.HasPendingReboot);
            foreach (var patch in installed)
            {
                node.Patches.Install(patch, end, pendingReboot: true);
            }

            foreach (var patch in failing)
            {
                node.Patches.MarkFailed(patch);
            }

            if (!rebootNeeded)
            {
                var noReboot = run.RebootOption == "NoReboot" && installed.Count > 0 ? end : (DateTimeOffset?)null;
                Complete(world, invocation, run with { EndTime = end, NoRebootInstallTime = noReboot }, installed, failing);
                return;
            }

            Reboot(world, invocation, run, end, timeoutAt, installed, failing);
        });
    }

    private static void Reboot(
        AwsWorld world, CommandInvocation invocation, PatchRunContext run, DateTimeOffset rebootStart, DateTimeOffset timeoutAt,
        IReadOnlyList<PatchDefinition> installed, IReadOnlyList<PatchDefinition> failing)
    {
        var node = invocation.Node;
        var generation = invocation.Generation;
        var rebootEnd = world.After(rebootStart, world.Durations.Reboot);
        var staysOffline = world.Faults.OfflineAfterReboot.Contains(node.InstanceId);
        node.Agent.BeginOutage(rebootStart, staysOffline ? null : rebootEnd);

        // The server reboots whatever happens to the invocation; only the agent's report depends on it coming back.
        world.Timeline.Schedule(rebootEnd, _ => node.Patches.CompleteReboot());
        if (staysOffline)
        {
            world.Timeline.Schedule(timeoutAt, end =>
            {
                if (invocation.Generation == generation)
                {
                    world.Commands.Finish(invocation, end, InvocationStatus.TimedOut, "ExecutionTimedOut", -1);
                }
            });
            return;
        }

        world.Timeline.Schedule(rebootEnd, end =>
        {
            if (invocation.Generation == generation)
            {
                Complete(world, invocation, run with { EndTime = end }, installed, failing);
            }
        });
    }

    private static void Complete(
        AwsWorld world, CommandInvocation invocation, PatchRunContext run, IReadOnlyList<PatchDefinition> installed, IReadOnlyList<PatchDefinition> failing)
    {
        var report = world.Compliance.Build(invocation.Node, run);
        var output = PatchRunOutput.Summary(invocation.Node, report, installed, failing);
        if (failing.Count > 0)
        {
            world.Commands.Finish(invocation, run.EndTime, InvocationStatus.Failed, InvocationStatus.Failed, 1, output,
                "Failed to install package(s): " + string.Join(", ", failing.Select(p => p.KbId)));
        }
        else
        {
            world.Commands.Finish(invocation, run.EndTime, InvocationStatus.Success, InvocationStatus.Success, 0, output);
        }

        WriteReport(world, invocation.Node, report, run.EndTime);
    }

    private static void WriteReport(AwsWorld world, FleetNode node, PatchComplianceReport report, DateTimeOffset end) =>
        world.Timeline.Schedule(world.After(end, world.Durations.ComplianceReportLag), _ => world.Compliance.Write(node, report));

    private static List<PatchDefinition> ChooseFailures(AwsWorld world, FleetNode node, IReadOnlyList<PatchDefinition> candidates)
    {
        var failing = new List<PatchDefinition>();
        if (world.Faults.PatchFailures.TryGetValue(node.InstanceId, out var kbIds))
        {
            failing.AddRange(kbIds.Count == 0 ? candidates.Take(1) : candidates.Where(p => kbIds.Contains(p.KbId)));
        }

        foreach (var patch in candidates)
        {
            if (world.Options.PatchFailureRate > 0 && world.Ids.NextDouble() < world.Options.PatchFailureRate && !failing.Contains(patch))
            {
                failing.Add(patch);
            }
        }

        return failing;
    }

    private static SsmServiceException Invalid(string message) => new("InvalidParameters", message);
}
