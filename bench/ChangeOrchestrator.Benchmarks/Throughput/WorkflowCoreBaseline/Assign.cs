using WorkflowCore.Interface;
using WorkflowCore.Models;

namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>WorkflowCore's counterpart of SetVariable: the value comes in through an input mapping and goes out to the data.</summary>
internal sealed class Assign<T> : StepBody
{
    public T? Value { get; set; }

    public override ExecutionResult Run(IStepExecutionContext context) => ExecutionResult.Next();
}
