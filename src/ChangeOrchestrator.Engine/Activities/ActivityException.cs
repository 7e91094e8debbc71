namespace ChangeOrchestrator.Engine.Activities;

/// <summary>A fault of an activity, classified once as transient (worth retrying) or permanent.</summary>
public class ActivityException : Exception
{
    public ActivityException(string message, bool isTransient, Exception? innerException = null)
        : base(message, innerException)
    {
        IsTransient = isTransient;
    }

    public bool IsTransient { get; }
}
