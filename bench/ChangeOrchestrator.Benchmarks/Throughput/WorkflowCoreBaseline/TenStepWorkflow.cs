using WorkflowCore.Interface;

namespace ChangeOrchestrator.Benchmarks.Throughput.WorkflowCoreBaseline;

/// <summary>
/// The throughput flow written with WorkflowCore's fluent builder: the same ten steps, the expressions as C# lambdas
/// in input and output mappings (WorkflowCore's way of binding step inputs). Total ends at 70.
/// </summary>
internal sealed class TenStepWorkflow : IWorkflow<TenStepData>
{
    public const string DefinitionId = "bench-ten-step";

    public string Id => DefinitionId;

    public int Version => 1;

    public void Build(IWorkflowBuilder<TenStepData> builder) => builder
        .StartWith<Assign<long>>().Input(s => s.Value, d => d.Count * 2).Output(d => d.Total, s => s.Value)
        .Then<Check>().Input(s => s.Condition, d => d.Environment == "Prod" && d.Count > 0).Output(d => d.LastCheck, s => s.Condition)
        .Then<Assign<string>>().Input(s => s.Value, d => d.Environment + "-" + d.Total).Output(d => d.Label, s => s.Value)
        .Then<Check>().Input(s => s.Condition, d => d.Total > 1).Output(d => d.LastCheck, s => s.Condition)
        .Then<Assign<long>>().Input(s => s.Value, d => d.Total + 1).Output(d => d.Total, s => s.Value)
        .Then<Check>().Input(s => s.Condition, d => d.Label.Length > 0).Output(d => d.LastCheck, s => s.Condition)
        .Then<Assign<bool>>().Input(s => s.Value, d => d.Total % 2 == 1).Output(d => d.Approved, s => s.Value)
        .Then<Check>().Input(s => s.Condition, d => d.Approved).Output(d => d.LastCheck, s => s.Condition)
        .Then<Assign<long>>().Input(s => s.Value, d => d.Total * 10).Output(d => d.Total, s => s.Value)
        .Then<Check>().Input(s => s.Condition, d => d.Total >= 10).Output(d => d.LastCheck, s => s.Condition);
}
