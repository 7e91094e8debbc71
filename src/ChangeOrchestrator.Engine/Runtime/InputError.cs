namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>One problem with the input given to start an instance: the input's name and what is wrong.</summary>
public sealed record InputError(string Field, string Message);
