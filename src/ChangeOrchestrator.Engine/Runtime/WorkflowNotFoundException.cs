namespace ChangeOrchestrator.Engine.Runtime;

public sealed class WorkflowNotFoundException(string message) : Exception(message);
