using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>Evaluates the JavaScript expressions of activity inputs.</summary>
public interface IExpressionEvaluator
{
    /// <exception cref="ExpressionException">The expression failed, broke a limit or returned something that is not JSON.</exception>
    JsonNode? Evaluate(string expression, ExpressionContext context);

    /// <summary>The syntax error of an expression, or null when it parses.</summary>
    string? CheckSyntax(string expression);
}
