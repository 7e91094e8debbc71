namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// Marks an activity that waits (on a timer or an event) or bounds its own repetition (a loop over a list):
/// a cycle of connections is only accepted when it passes through such an activity, so it cannot spin forever.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SuspendsAttribute : Attribute
{
    /// <summary>True for an activity that does not wait but ends a loop by itself (ForEach).</summary>
    public bool BoundsLoop { get; init; }
}
