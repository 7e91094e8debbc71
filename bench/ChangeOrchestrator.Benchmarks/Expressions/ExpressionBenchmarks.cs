using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using ChangeOrchestrator.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Benchmarks.Expressions;

/// <summary>
/// The expression comparison as a BenchmarkDotNet micro-benchmark (one thread, many iterations, allocations too).
/// Public and unsealed because BenchmarkDotNet derives from and calls it.
/// </summary>
[MemoryDiagnoser]
public class ExpressionBenchmarks
{
    private readonly JintExpressionEvaluator _pooled = new(Options.Create(new ExpressionLimits()));
    private readonly NaiveJintEvaluator _naive = new(new ExpressionLimits());
    private readonly ExpressionContext _context = TypicalExpression.Context(TimeProvider.System.GetUtcNow());

    [Benchmark(Baseline = true, Description = "new engine per evaluation")]
    public JsonNode? NewEnginePerEvaluation() => _naive.Evaluate(TypicalExpression.Text, _context);

    [Benchmark(Description = "JintExpressionEvaluator (pooled)")]
    public JsonNode? PooledEngines() => _pooled.Evaluate(TypicalExpression.Text, _context);
}
