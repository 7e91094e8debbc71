namespace ChangeOrchestrator.Engine.Activities.Flow;

public enum JoinMode
{
    /// <summary>Continue once every activity connected into the join has arrived.</summary>
    All,

    /// <summary>Continue on the first arrival and cancel the other branches leading into the join.</summary>
    Any,
}
