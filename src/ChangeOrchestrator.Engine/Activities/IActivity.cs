namespace ChangeOrchestrator.Engine.Activities;

/// <summary>A step of a workflow. Implementations derive from <see cref="Activity{TInput, TOutput}"/> for typed inputs and outputs.</summary>
public interface IActivity
{
    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context, CancellationToken cancellationToken);
}
