using System.Globalization;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Expressions;
using Microsoft.Extensions.Logging;

namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// Checks the input of a start against the definition's contract and fills in defaults: types and constraints of
/// every input, field and item; allowed values only the host knows (<c>enumFrom</c>); then the cross-field rules, in
/// the expression sandbox. Every violation is reported at once, before anything is stored or run.
/// </summary>
public sealed partial class WorkflowInputBinder(
    AllowedValueSources sources, IExpressionEvaluator expressions, TimeProvider time, ILogger<WorkflowInputBinder> logger)
{
    private const int ListedValues = 20;

    /// <exception cref="InvalidWorkflowInputException">Some input breaks the contract.</exception>
    public async Task<JsonObject> BindAsync(WorkflowDefinition definition, JsonObject given, CancellationToken cancellationToken)
    {
        var errors = new List<InputError>();
        var checker = new ValueChecker();
        var bound = new JsonObject();
        foreach (var declared in definition.Inputs)
        {
            if (given.TryGetPropertyValue(declared.Name, out var value) && value is not null)
            {
                bound[declared.Name] = value.DeepClone();
            }
            else if (declared.Default is not null)
            {
                bound[declared.Name] = declared.Default.DeepClone();
            }
            else if (declared.Required)
            {
                errors.Add(new InputError(declared.Name, $"is required ({DataTypes.Name(declared.Type)})") { Expected = DataTypes.Name(declared.Type), Given = "nothing" });
                continue;
            }
            else
            {
                continue;
            }

            checker.Check(bound[declared.Name], declared, declared.Name);
            FillFieldDefaults(bound[declared.Name], declared.Constraints);
        }

        foreach (var (name, value) in given)
        {
            if (definition.Inputs.All(i => i.Name != name))
            {
                errors.Add(new InputError(name, $"is not an input of '{definition.Id}' (known: {string.Join(", ", definition.Inputs.Select(i => i.Name))})")
                {
                    Expected = "a declared input",
                    Given = ValueChecker.Shown(value),
                });
            }
        }

        await LookUpAsync(checker, cancellationToken);
        errors.AddRange(checker.Violations.Select(v => new InputError(v.Path, v.Message) { Expected = v.Expected, Given = v.Given }));

        // In the order the inputs are declared (a form's order), unknown names after them, rules last.
        var order = definition.Inputs.Select((input, index) => (input.Name, index)).ToDictionary(p => p.Name, p => p.index, StringComparer.Ordinal);
        errors = [.. errors.OrderBy(e => order.GetValueOrDefault(RootOf(e.Field), order.Count))];
        var broken = new HashSet<string>(errors.Select(e => RootOf(e.Field)), StringComparer.Ordinal);
        errors.AddRange(CheckRules(definition, bound, broken));
        return errors.Count > 0 ? throw new InvalidWorkflowInputException(errors) : bound;
    }

    private async Task LookUpAsync(ValueChecker checker, CancellationToken cancellationToken)
    {
        // One read per listing source and start however many values name it; a source that can check one value is asked per value.
        var lookup = sources.StartLookup();
        var unavailable = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pending in checker.Lookups.ToList())
        {
            if (unavailable.Contains(pending.Source))
            {
                continue;
            }

            AllowedValueMatch match;
            try
            {
                match = await lookup.MatchAsync(pending.Source, pending.Value, cancellationToken);
            }
            catch (AllowedValuesUnavailableException ex)
            {
                // A source that cannot answer does not block starts: the activity that uses the value still checks it.
                LogSourceUnavailable(logger, pending.Source, ex.Message);
                unavailable.Add(pending.Source);
                continue;
            }

            var description = sources.Find(pending.Source)?.Description ?? pending.Source;
            if (match.Value is not { } found)
            {
                checker.Add(pending.Path, Listing(description, match), JsonValue.Create(pending.Value));
            }
            else if (found.IsEmpty && !pending.AllowEmpty)
            {
                checker.Add(pending.Path, $"one of {description} that has members ('{found.Value}' has none{(found.Label is null ? "" : ": " + found.Label)})", JsonValue.Create(pending.Value));
            }
        }
    }

    private static string Listing(string description, AllowedValueMatch match)
    {
        if (match.Known is not { } set)
        {
            return $"one of {description}{(match.Reason is null ? "" : " (" + match.Reason + ")")}";
        }

        if (set.Values.Count == 0)
        {
            return $"one of {description}, but there are none{(set.EmptyHint is null ? "" : " (" + set.EmptyHint + ")")}";
        }

        var shown = set.Values.Take(ListedValues).Select(v => v.Value);
        var more = set.Values.Count > ListedValues ? string.Create(CultureInfo.InvariantCulture, $", and {set.Values.Count - ListedValues} more") : "";
        return $"one of {description}: {string.Join(", ", shown)}{more}";
    }

    private List<InputError> CheckRules(WorkflowDefinition definition, JsonObject bound, HashSet<string> broken)
    {
        var errors = new List<InputError>();
        if (definition.Rules.Count == 0)
        {
            return errors;
        }

        var context = new ExpressionContext(
            RuleScope(definition, bound),
            [],
            [],
            new JsonObject { ["definitionId"] = definition.Id, ["definitionVersion"] = definition.Version },
            time.GetUtcNow());
        foreach (var rule in definition.Rules)
        {
            // A rule over a value already refused would only repeat the refusal, or fail on the broken value.
            if (rule.Fields.Any(broken.Contains))
            {
                continue;
            }

            string? failure;
            try
            {
                failure = expressions.Evaluate(rule.Js, context) is JsonValue result && result.TryGetValue<bool>(out var holds) && holds ? null : rule.Message;
            }
            catch (ExpressionException ex)
            {
                failure = $"{rule.Message} (the rule could not be checked: {ex.Message})";
            }

            if (failure is null)
            {
                continue;
            }

            var given = rule.Fields.Count == 0
                ? "the input as a whole"
                : string.Join(", ", rule.Fields.Select(f => $"{f}={ValueChecker.Shown(bound[f])}"));
            foreach (var field in rule.Fields.DefaultIfEmpty(string.Empty))
            {
                errors.Add(new InputError(field, $"{failure}; given {given}") { Expected = rule.Message, Given = given });
            }
        }

        return errors;
    }

    /// <summary>
    /// Rules see the input as the instance will, except that date-times are in one form (UTC, as JavaScript's
    /// toISOString writes them), so <c>input.windowEnd &gt; input.windowStart</c> compares instants, whatever offsets
    /// the caller wrote.
    /// </summary>
    private static JsonObject RuleScope(WorkflowDefinition definition, JsonObject bound)
    {
        var scope = bound.DeepClone().AsObject();
        foreach (var declared in definition.Inputs.Where(i => i.Type == DataType.DateTime))
        {
            if (scope[declared.Name] is JsonValue value && value.TryGetValue<string>(out var text)
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
            {
                scope[declared.Name] = instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
            }
        }

        return scope;
    }

    private static void FillFieldDefaults(JsonNode? value, InputConstraints constraints)
    {
        if (value is not JsonObject obj || constraints.Fields is not { } fields)
        {
            return;
        }

        foreach (var field in fields)
        {
            if (obj[field.Name] is null && field.Default is not null)
            {
                obj[field.Name] = field.Default.DeepClone();
            }

            FillFieldDefaults(obj[field.Name], field.Constraints);
        }
    }

    private static string RootOf(string path)
    {
        var end = path.IndexOfAny(['.', '[']);
        return end < 0 ? path : path[..end];
    }

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Allowed values of '{Source}' could not be read, so start inputs naming it are not checked against it: {Reason}")]
    private static partial void LogSourceUnavailable(ILogger logger, string source, string reason);
}
