using System.Globalization;
using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

/// <summary>
/// AWS-RunShellScript / AWS-RunPowerShellScript: nothing is executed; the invocation succeeds after the
/// configured run time with the commands echoed, or fails with exit code 1 on nodes armed with a script failure.
/// </summary>
internal sealed class ScriptRunner(string name, string pluginName, bool windows) : IDocumentRunner
{
    private static readonly HashSet<string> Declared = new(StringComparer.Ordinal) { "commands", "workingDirectory", "executionTimeout" };

    public string Name => name;

    public string PluginNameFor(FleetNode node) => pluginName;

    public bool SupportsPlatform(FleetNode node) => node.Os.IsWindows == windows;

    public void ValidateParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters)
    {
        if (parameters.Keys.FirstOrDefault(key => !Declared.Contains(key)) is { } unknown)
        {
            throw new SsmServiceException("InvalidParameters", $"Parameter \"{unknown}\" is not declared in document {name}.");
        }

        if (!parameters.TryGetValue("commands", out var commands) || commands.Count == 0)
        {
            throw new SsmServiceException("InvalidParameters", "Parameter \"commands\" is required.");
        }

        if (parameters.TryGetValue("executionTimeout", out var timeout)
            && (timeout.Count != 1 || !int.TryParse(timeout[0], NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            throw new SsmServiceException("InvalidParameters", "Parameter \"executionTimeout\" must be a number of seconds.");
        }
    }

    public void Run(AwsWorld world, CommandInvocation invocation, DateTimeOffset at)
    {
        var generation = invocation.Generation;
        if (!SupportsPlatform(invocation.Node))
        {
            world.Commands.Finish(invocation, at, InvocationStatus.Failed, "InvalidPlatform", 1,
                error: $"Step {pluginName} is not supported on {invocation.Node.Os.PlatformType} platform.");
            return;
        }

        var commands = invocation.Command.Parameters["commands"];
        var timeout = invocation.Command.Parameters.TryGetValue("executionTimeout", out var value)
            ? TimeSpan.FromSeconds(int.Parse(value[0], CultureInfo.InvariantCulture))
            : TimeSpan.FromHours(1);
        var fails = world.Faults.ScriptFailures.Contains(invocation.Node.InstanceId);
        var runTime = world.Durations.ScriptRun;
        world.Timeline.Schedule(world.After(at, runTime < timeout ? runTime : timeout), end =>
        {
            if (invocation.Generation != generation)
            {
                return;
            }

            if (runTime >= timeout)
            {
                world.Commands.Finish(invocation, end, InvocationStatus.TimedOut, "ExecutionTimedOut", -1);
            }
            else if (fails)
            {
                world.Commands.Finish(invocation, end, InvocationStatus.Failed, InvocationStatus.Failed, 1,
                    error: $"failed to run commands: exit status 1 ({commands[^1]})");
            }
            else
            {
                world.Commands.Finish(invocation, end, InvocationStatus.Success, InvocationStatus.Success, 0,
                    output: string.Join('\n', commands.Select(command => "+ " + command)));
            }
        });
    }
}
