using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Acornima;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>
/// Evaluates expressions in a pool of sandboxed Jint engines. Engines are built once and reused (building one per
/// evaluation is what makes naive embeddings slow); each is hardened at creation so one evaluation cannot leave
/// anything behind for the next.
/// </summary>
public sealed class JintExpressionEvaluator(IOptions<ExpressionLimits> limits) : IExpressionEvaluator
{
    private readonly ConcurrentBag<JintSandbox> _idle = [];
    private readonly int _maxIdle = Math.Max(2, Environment.ProcessorCount * 2);

    public JsonNode? Evaluate(string expression, ExpressionContext context)
    {
        var sandbox = _idle.TryTake(out var pooled) ? pooled : new JintSandbox(limits.Value);
        try
        {
            return sandbox.Evaluate(expression, context);
        }
        finally
        {
            if (_idle.Count < _maxIdle)
            {
                _idle.Add(sandbox);
            }
        }
    }

    public string? CheckSyntax(string expression)
    {
        try
        {
            new Parser().ParseScript(JintSandbox.WrapAsFunction(expression));
            return null;
        }
        catch (ParseErrorException ex)
        {
            return ex.Description;
        }
    }
}
