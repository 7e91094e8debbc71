using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Expressions;
using Jint;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>
/// The embedding the pooled evaluator is compared with: a new Jint engine per evaluation, with the same limits, the
/// scope handed over as JSON text and the expression parsed each time. It skips the pooled sandbox's freezing of
/// the global object, so it is cheaper than a naive engine with equal isolation would be.
/// </summary>
internal sealed class NaiveJintEvaluator(ExpressionLimits limits)
{
    public JsonNode? Evaluate(string expression, ExpressionContext context)
    {
        using var engine = new Jint.Engine(options => options
            .Strict()
            .TimeoutInterval(limits.Timeout)
            .MaxStatements((int)Math.Min(int.MaxValue, limits.MaxStatements))
            .LimitMemory(limits.MaxMemoryBytes)
            .LimitRecursion(limits.MaxRecursionDepth));
        engine.Execute(
            $"var input = {context.Input.ToJsonString()}; var vars = {context.Variables.ToJsonString()}; "
            + $"var steps = {context.Steps.ToJsonString()}; var instance = {context.Instance.ToJsonString()};");
        var result = engine.Evaluate(expression);
        return result.IsBoolean() ? JsonValue.Create(result.AsBoolean()) : JsonValue.Create(result.ToString());
    }
}
