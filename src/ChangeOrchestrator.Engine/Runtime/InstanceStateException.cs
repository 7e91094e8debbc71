namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>An operation that the instance's status does not allow, such as retrying an instance without an incident.</summary>
public sealed class InstanceStateException(string message) : Exception(message);
