namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// On an activity: the per-server lists it keeps in its state stay references until it reads them itself, with
/// <see cref="ActivityContext.ReadListAsync{T}"/>, instead of being read whole before each execution. A poll that
/// only looks whether its work is done then reads no list, and a list the activity leaves in place stays stored as it
/// is; one it replaces or removes is replaced or deleted in the burst's commit, as for any activity.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class StreamsStateAttribute : Attribute;
