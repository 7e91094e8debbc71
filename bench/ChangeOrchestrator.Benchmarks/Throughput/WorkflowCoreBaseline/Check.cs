using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>WorkflowCore's counterpart of Decision: a condition bound by an input mapping, published as the step's result.</summary>
internal sealed class Check : StepBody
{
    public bool Condition { get; set; }

    public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
}
