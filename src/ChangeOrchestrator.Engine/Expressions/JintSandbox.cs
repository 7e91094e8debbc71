using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Native.Function;
using Jint.Constraints;
using Jint.Runtime;

namespace ChangeOrchestrator.Engine.Expressions;

/// <summary>One Jint engine with the sandbox's limits and its compiled expressions; used by one thread at a time.</summary>
internal sealed class JintSandbox
{
    private static readonly string[] ScopeNames = ["input", "vars", "steps", "instance", "now"];

    // Frozen intrinsics and global object: an expression cannot change what the next one sees.
    // concatLists joins lists that may be stored apart from the instance: arrays are joined as arrays, and any stored
    // list makes the result a reference to all the parts, so a 10,000-server list is joined without being read.
    private const string HardenScript = """
        "use strict";
        Object.defineProperty(globalThis, "concatLists", { value: function concatLists(...lists) {
            const present = lists.filter(l => l !== null && l !== undefined);
            if (present.every(Array.isArray)) { return [].concat(...present); }
            return { "$results": present.flatMap(l => Array.isArray(l) ? [{ items: l }] : l["$results"]),
                     length: present.reduce((n, l) => n + l.length, 0) };
        } });
        for (const name of Object.getOwnPropertyNames(globalThis)) {
            const value = globalThis[name];
            if (value !== null && (typeof value === "object" || typeof value === "function")) {
                Object.freeze(value);
                if (value.prototype) { Object.freeze(value.prototype); }
            }
        }
        Object.freeze(globalThis);
        """;

    private readonly Jint.Engine _engine;
    private readonly ExpressionLimits _limits;

    // The time limit bounds what an expression runs, from its call to its converted result, and nothing else: the
    // sandbox's own hardening at creation is not timed, since on a node starting cold under load it alone can take
    // longer than an expression may, and failing it would fault whatever activity needed an expression then.
    private readonly OperationDeadlineConstraint _deadline = new();
    private readonly Dictionary<string, CompiledExpression> _compiled = new(StringComparer.Ordinal);

    public JintSandbox(ExpressionLimits limits)
    {
        _limits = limits;
        _engine = new Jint.Engine(options => options
            .Strict()
            .Constraint(_deadline)
            .MaxStatements((int)Math.Min(int.MaxValue, limits.MaxStatements))
            .LimitMemory(limits.MaxMemoryBytes)
            .LimitRecursion(limits.MaxRecursionDepth)
            .DisableStringCompilation());
        _engine.Execute(HardenScript);
    }

    public static string WrapAsFunction(string expression) =>
        $"(function ({string.Join(", ", ScopeNames)}) {{ \"use strict\"; return ({expression.Trim().TrimEnd(';')}\n); }})";

    public JsonNode? Evaluate(string expression, ExpressionContext context)
    {
        try
        {
            var compiled = Compile(expression);
            _engine.Constraints.Reset();
            var arguments = new JsValue[]
            {
                Uses(expression, "input") ? JsonToJs.Convert(_engine, context.Input) : JsValue.Undefined,
                Uses(expression, "vars") ? JsonToJs.Convert(_engine, context.Variables) : JsValue.Undefined,
                Uses(expression, "steps") ? JsonToJs.Object(_engine, StepReferences.Select(compiled.StepIds, context.Steps)) : JsValue.Undefined,
                Uses(expression, "instance") ? JsonToJs.Convert(_engine, context.Instance) : JsValue.Undefined,
                Uses(expression, "now") ? _engine.Construct("Date", new JsNumber(context.Now.ToUnixTimeMilliseconds())) : JsValue.Undefined,
            };
            _deadline.Begin(_limits.Timeout);
            var result = _engine.Invoke(compiled.Function, arguments);
            return JsToJson.Convert(result);
        }
        catch (JavaScriptException ex)
        {
            throw new ExpressionException($"Expression threw: {ex.Message}", ex);
        }
        catch (TimeoutException ex)
        {
            throw new ExpressionException($"Expression ran longer than {_limits.Timeout.TotalMilliseconds} ms and was stopped.", ex);
        }
        catch (StatementsCountOverflowException ex)
        {
            throw new ExpressionException($"Expression ran more than {_limits.MaxStatements} statements and was stopped.", ex);
        }
        catch (MemoryLimitExceededException ex)
        {
            throw new ExpressionException($"Expression used more than {_limits.MaxMemoryBytes} bytes and was stopped.", ex);
        }
        catch (RecursionDepthOverflowException ex)
        {
            throw new ExpressionException($"Expression recursed deeper than {_limits.MaxRecursionDepth} calls and was stopped.", ex);
        }
        catch (Acornima.ParseErrorException ex)
        {
            throw new ExpressionException($"Expression does not parse: {ex.Description}", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new ExpressionException(ex.Message, ex);
        }
        finally
        {
            _deadline.End();
            _engine.Advanced.ResetCallStack();
        }
    }

    // Only the roots an expression mentions are converted: the scope can hold large step outputs.
    private static bool Uses(string expression, string name) => expression.Contains(name, StringComparison.Ordinal);

    private CompiledExpression Compile(string expression)
    {
        if (_compiled.TryGetValue(expression, out var compiled))
        {
            return compiled;
        }

        if (_compiled.Count >= _limits.MaxCachedExpressions)
        {
            _compiled.Clear();
        }

        var value = _engine.Evaluate(WrapAsFunction(expression));
        var function = value as Function ?? throw new ExpressionException("Expression did not compile to a function.");

        // The steps an expression reads are found once, with its compilation, not at every evaluation.
        compiled = new CompiledExpression(function, StepReferences.Of(expression));
        _compiled[expression] = compiled;
        return compiled;
    }

    /// <summary>A compiled expression and the step outputs it reads (null: all of them).</summary>
    private sealed record CompiledExpression(Function Function, IReadOnlyList<string>? StepIds);
}
