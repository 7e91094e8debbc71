using System.ComponentModel;
using ChangeOrchestrator.Patching.Fleet;

namespace ChangeOrchestrator.Patching.Validation;

/// <summary>How one server's applications answered on the last attempt that checked it.</summary>
public sealed record InstanceValidation
{
    public required string InstanceId { get; init; }

    [Description("Every probe answered as expected and the command exited 0.")]
    public required bool Healthy { get; init; }

    [Description("The attempt these results come from (1 for the first).")]
    public required int Attempt { get; init; }

    public required IReadOnlyList<ProbeResult> Probes { get; init; }

    [Description("The command's run on the server: state, exit code, output; absent when no command was given.")]
    public InstanceRunResult? Command { get; init; }
}
