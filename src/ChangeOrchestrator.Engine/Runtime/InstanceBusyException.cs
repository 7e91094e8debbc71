namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Another node held the instance for longer than a stimulus waits; nothing was applied, and a retry with the same
/// stimulus id applies it.
/// </summary>
public sealed class InstanceBusyException(string message) : Exception(message);
