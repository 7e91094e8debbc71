using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Patching.Fleet;

/// <summary>Where a scan stands after one execution: still running (suspend on <see cref="Suspension"/>) or finished.</summary>
internal sealed record PatchScanStep
{
    private PatchScanStep()
    {
    }

    public ActivityResult? Suspension { get; private init; }

    public PatchScanResult? Result { get; private init; }

    public static PatchScanStep Wait(ActivityResult suspension) => new() { Suspension = suspension };

    public static PatchScanStep Finished(PatchScanResult result) => new() { Result = result };
}
