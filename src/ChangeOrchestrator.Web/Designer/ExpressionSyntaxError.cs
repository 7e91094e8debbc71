namespace ChangeOrchestrator.Web.Designer;

/// <summary>A parse error of an expression, at a one-based line and column of the expression itself.</summary>
public sealed record ExpressionSyntaxError(string Message, int Line, int Column);
