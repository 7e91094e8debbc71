using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Expressions;
using Microsoft.Extensions.Options;

namespace ChangeOrchestrator.Engine.Tests.Expressions;

public sealed class JintExpressionEvaluatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    private static JintExpressionEvaluator Evaluator(ExpressionLimits? limits = null) => new(Options.Create(limits ?? new ExpressionLimits()));

    private static ExpressionContext Context(JsonObject? input = null, JsonObject? vars = null, JsonObject? steps = null) =>
        new(input ?? [], vars ?? [], steps ?? [], new JsonObject { ["id"] = "i-1", ["correlationId"] = "c-1" }, Now);

    [Fact]
    public void Evaluate_ScopeValues_AreReadable()
    {
        var context = Context(
            new JsonObject { ["environment"] = "Prod", ["hosts"] = new JsonArray("a", "b") },
            new JsonObject { ["count"] = 2 },
            new JsonObject { ["scan"] = new JsonObject { ["missing"] = 7 } });

        var result = Evaluator().Evaluate(
            "({ env: input.environment, hosts: input.hosts.length, total: vars.count + steps.scan.missing, id: instance.id, year: now.getUTCFullYear() })",
            context);

        Assert.Equal("""{"env":"Prod","hosts":2,"total":9,"id":"i-1","year":2026}""", result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_DateValuesHeldAsClrValues_AreReadAsIsoText()
    {
        // A bound dateTime input holds a DateTimeOffset rather than text until it is serialized.
        var context = Context(new JsonObject { ["windowStart"] = JsonValue.Create(new DateTimeOffset(2026, 3, 7, 22, 0, 0, TimeSpan.Zero)) });

        var result = Evaluator().Evaluate("input.windowStart", context);

        Assert.Equal("2026-03-07T22:00:00+00:00", result!.GetValue<string>());
    }

    [Theory]
    [InlineData("steps.scan.missing + steps['raise'].number.length + (steps?.absent?.x ?? 0)", "10")]
    [InlineData("Object.keys(steps).sort().join(',')", "\"absent2,raise,scan\"")]
    [InlineData("steps.scan.missing - steps.raise.number.length", "4")]
    [InlineData("[...steps.raise.number, ...(steps.absent2?.x ?? [])].length + ({ steps: 1 }).steps", "4")]
    public void Evaluate_StepOutputs_NamedOrWhole_AreReadable(string expression, string expected)
    {
        var steps = new JsonObject
        {
            ["scan"] = new JsonObject { ["missing"] = 7 },
            ["raise"] = new JsonObject { ["number"] = "CHG" },
            ["absent2"] = new JsonObject(),
        };

        var result = Evaluator().Evaluate(expression, Context(steps: steps));

        Assert.Equal(expected, result!.ToJsonString());
    }

    [Fact]
    public void Evaluate_InfiniteLoop_IsStoppedWithAClearError()
    {
        var evaluator = Evaluator(new ExpressionLimits { Timeout = TimeSpan.FromSeconds(5), MaxStatements = 10_000 });

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { while (true) {} })()", Context()));

        Assert.Contains("more than 10000 statements", error.Message);
    }

    [Fact]
    public void Evaluate_LongRunningExpression_IsStoppedByTheTimeout()
    {
        var evaluator = Evaluator(new ExpressionLimits { Timeout = TimeSpan.FromMilliseconds(100), MaxStatements = long.MaxValue / 2 });

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { while (true) {} })()", Context()));

        Assert.Contains("longer than 100 ms", error.Message);
    }

    [Fact]
    public void Evaluate_DeepRecursion_IsStopped()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator().Evaluate("(function f(n) { return f(n + 1); })(0)", Context()));

        Assert.Contains("recursed deeper than 64", error.Message);
    }

    [Fact]
    public void Evaluate_HugeAllocation_IsStoppedByTheMemoryLimit()
    {
        var evaluator = Evaluator(new ExpressionLimits { MaxMemoryBytes = 4 * 1024 * 1024, MaxStatements = 100_000_000, Timeout = TimeSpan.FromSeconds(30) });

        var error = Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(() => { const a = []; for (;;) { a.push('x'.repeat(1000)); } })()", Context()));

        Assert.Contains("bytes", error.Message);
    }

    [Fact]
    public void Evaluate_ClrAccess_IsNotAvailable()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator().Evaluate("System.IO.File.ReadAllText('/etc/passwd')", Context()));

        Assert.Contains("System is not defined", error.Message);
    }

    [Fact]
    public void Evaluate_StringCompilation_IsRefused()
    {
        Assert.Throws<ExpressionException>(() => Evaluator().Evaluate("eval('1 + 1')", Context()));
    }

    [Fact]
    public void Evaluate_GlobalMutation_DoesNotLeakToTheNextEvaluation()
    {
        var evaluator = Evaluator();

        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(globalThis.leak = input.secret)", Context(new JsonObject { ["secret"] = "s3cr3t" })));
        Assert.Throws<ExpressionException>(() => evaluator.Evaluate("(Array.prototype.leak = 1)", Context()));
        var next = evaluator.Evaluate("typeof globalThis.leak + '/' + typeof [].leak", Context());

        Assert.Equal("undefined/undefined", next!.GetValue<string>());
    }

    [Fact]
    public void Evaluate_MutatingInput_DoesNotChangeWorkflowState()
    {
        var input = new JsonObject { ["list"] = new JsonArray(1, 2) };

        Evaluator().Evaluate("input.list.push(3)", Context(input));

        Assert.Equal(2, input["list"]!.AsArray().Count);
    }

    [Fact]
    public void Evaluate_FunctionResult_IsRefused()
    {
        var error = Assert.Throws<ExpressionException>(() => Evaluator().Evaluate("() => 1", Context()));

        Assert.Contains("not a JSON value", error.Message);
    }

    [Fact]
    public void Evaluate_SameExpressionManyTimes_ReusesOneEngine()
    {
        var evaluator = Evaluator();

        for (var i = 0; i < 1000; i++)
        {
            Assert.Equal(i * 2, evaluator.Evaluate("input.n * 2", Context(new JsonObject { ["n"] = i }))!.GetValue<long>());
        }
    }

    [Fact]
    public void Evaluate_ConcurrentEvaluations_DoNotInterfere()
    {
        var evaluator = Evaluator();

        Parallel.For(0, 2000, i =>
            Assert.Equal($"v{i}", evaluator.Evaluate("'v' + input.n", Context(new JsonObject { ["n"] = i }))!.GetValue<string>()));
    }

    [Fact]
    public void CheckSyntax_InvalidExpression_DescribesTheError()
    {
        Assert.NotNull(Evaluator().CheckSyntax("input.a +* 2"));
        Assert.Null(Evaluator().CheckSyntax("input.a + 2"));
    }
}
