using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Patching.Errors;

namespace ChangeOrchestrator.Patching.ActivityEdge;

/// <summary>
/// The base of every patching activity. Ports report failures as <see cref="ConnectorException"/>, which knows nothing
/// of workflows; here, at the edge between patching and the engine, such a failure becomes the engine's transient or
/// permanent fault, so retries and incidents treat it as it was classified where it was raised.
/// </summary>
public abstract class PatchingActivity<TInput, TOutput> : Activity<TInput, TOutput>
    where TInput : class
    where TOutput : class
{
    public sealed override async ValueTask<ActivityResult> ExecuteAsync(ActivityContext<TInput> context, CancellationToken cancellationToken)
    {
        try
        {
            return await RunAsync(context, cancellationToken);
        }
        catch (ConnectorException error)
        {
            // The cause stays the inner exception, so the journal and the incident name the same error type
            // (the SDK's or the HTTP client's) as when the connector's exception reached the engine itself.
            throw new ActivityException(error.Message, error.IsTransient, error.InnerException ?? error);
        }
    }

    /// <summary>Runs the activity; expected results are outcomes, a failure of a port may leave as it was thrown.</summary>
    protected abstract ValueTask<ActivityResult> RunAsync(ActivityContext<TInput> context, CancellationToken cancellationToken);
}
