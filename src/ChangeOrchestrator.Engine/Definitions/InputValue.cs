using System.Text.Json.Nodes;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>
/// An activity input: a JSON literal, or a JavaScript expression written as <c>{"js": "..."}</c>,
/// a shape no literal value in our formats needs, so the two can never be confused.
/// </summary>
public sealed record InputValue
{
    private InputValue(JsonNode? literal, string? expression)
    {
        Literal = literal;
        Expression = expression;
    }

    public JsonNode? Literal { get; }

    public string? Expression { get; }

    public bool IsExpression => Expression is not null;

    public static InputValue FromLiteral(JsonNode? literal) => new(literal?.DeepClone(), null);

    public static InputValue FromExpression(string expression) => new(null, expression);

    public JsonNode? ToJson() => IsExpression ? new JsonObject { ["js"] = Expression } : Literal?.DeepClone();
}
