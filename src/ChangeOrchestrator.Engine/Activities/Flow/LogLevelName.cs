namespace ChangeOrchestrator.Engine.Activities.Flow;

public enum LogLevelName
{
    Debug,
    Information,
    Warning,
    Error,
}
