using ChangeOrchestrator.Engine.Activities;

namespace ChangeOrchestrator.Engine.Execution;

/// <summary>Creates the object that runs an activity type, with its dependencies.</summary>
internal interface IActivityFactory
{
    IActivity Create(ActivityDescriptor descriptor);
}
