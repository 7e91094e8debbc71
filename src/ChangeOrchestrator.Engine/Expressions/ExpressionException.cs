namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>An expression that did not produce a value: a script error, a broken limit, or a value JSON cannot hold.</summary>
public sealed class ExpressionException(string message, Exception? innerException = null) : Exception(message, innerException);
