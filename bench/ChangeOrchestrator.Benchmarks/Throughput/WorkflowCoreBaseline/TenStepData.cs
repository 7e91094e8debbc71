namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>The workflow data of <see cref="TenStepWorkflow"/>: the same input and variables as the engine's flow.</summary>
internal sealed class TenStepData
{
    public string Environment { get; set; } = "";

    public long Count { get; set; }

    public long Total { get; set; }

    public string Label { get; set; } = "";

    public bool Approved { get; set; }

    public bool LastCheck { get; set; }

    public static TenStepData Sample() => new() { Environment = "Prod", Count = 3 };
}
