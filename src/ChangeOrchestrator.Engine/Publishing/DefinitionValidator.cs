using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Activities.Flow;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Expressions;
using Cronos;

namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>
/// Checks what a well-formed definition means: known activity types and inputs, literal types, expressions that
/// parse, connections between known activities and outcomes, a start, reachability, and cycles that wait.
/// </summary>
internal sealed class DefinitionValidator(ActivityCatalogue catalogue, IExpressionEvaluator expressions, AllowedValueSources? sources, DefinitionErrors errors)
{
    public void Validate(WorkflowDefinition definition)
    {
        var indexOf = IndexActivities(definition);
        CheckUniqueNames(definition.Inputs.Select(i => i.Name), "$.inputs", "input");
        CheckUniqueNames(definition.Variables.Select(v => v.Name), "$.variables", "variable");
        CheckTriggers(definition);
        CheckContracts(definition);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            CheckActivity(definition, definition.Activities[i], $"$.activities[{i}]");
        }

        CheckConnections(definition, indexOf);
        if (errors.Any)
        {
            return;
        }

        CheckEntryPoints(definition, indexOf);
        if (!errors.Any)
        {
            CheckReachability(definition, indexOf);
            CheckCycles(definition);
        }
    }

    private Dictionary<string, int> IndexActivities(WorkflowDefinition definition)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < definition.Activities.Count; i++)
        {
            if (!indexOf.TryAdd(definition.Activities[i].Id, i))
            {
                errors.Add($"$.activities[{i}].id", $"'{definition.Activities[i].Id}' is also the id of $.activities[{indexOf[definition.Activities[i].Id]}]");
            }
        }

        return indexOf;
    }

    private void CheckUniqueNames(IEnumerable<string> names, string path, string what)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var name in names)
        {
            if (!seen.Add(name))
            {
                errors.Add($"{path}[{index}].name", $"{what} '{name}' is declared twice");
            }

            index++;
        }
    }

    private void CheckContracts(WorkflowDefinition definition)
    {
        for (var i = 0; i < definition.Inputs.Count; i++)
        {
            CheckSources(definition.Inputs[i].Constraints, $"$.inputs[{i}]");
        }

        for (var i = 0; i < definition.Rules.Count; i++)
        {
            var rule = definition.Rules[i];
            var path = $"$.rules[{i}]";
            if (expressions.CheckSyntax(rule.Js) is { } syntaxError)
            {
                errors.Add($"{path}.js", $"JavaScript does not parse: {syntaxError}");
            }

            for (var f = 0; f < rule.Fields.Count; f++)
            {
                if (definition.Inputs.All(input => input.Name != rule.Fields[f]))
                {
                    errors.Add($"{path}.fields[{f}]", $"'{rule.Fields[f]}' is not a declared input (inputs: {string.Join(", ", definition.Inputs.Select(input => input.Name))})");
                }
            }
        }
    }

    /// <summary>Every <c>enumFrom</c>, however deeply nested, must name a source the host registered.</summary>
    private void CheckSources(InputConstraints constraints, string path)
    {
        if (constraints.EnumFrom is { } source && sources is not null && sources.Find(source) is null)
        {
            var known = sources.Names.Count == 0 ? "none is registered" : "known: " + string.Join(", ", sources.Names.Order(StringComparer.Ordinal));
            errors.Add($"{path}.enumFrom", $"'{source}' is not a source of allowed values ({known})");
        }

        for (var i = 0; i < (constraints.Fields?.Count ?? 0); i++)
        {
            CheckSources(constraints.Fields![i].Constraints, $"{path}.fields[{i}]");
        }

        if (constraints.Items is { } items)
        {
            CheckSources(items.Constraints, $"{path}.items");
        }

        if (constraints.Values is { } values)
        {
            CheckSources(values.Constraints, $"{path}.values");
        }
    }

    /// <summary>A trigger's input is what its every start will pass: it must fit the declarations (host lookups and rules wait for the start).</summary>
    private void CheckTriggerInput(WorkflowDefinition definition, TriggerDefinition trigger, string path)
    {
        if (trigger.Input is not { } input)
        {
            return;
        }

        var checker = new ValueChecker();
        foreach (var (name, value) in input)
        {
            if (definition.Inputs.FirstOrDefault(i => i.Name == name) is { } declared)
            {
                checker.Check(value, declared, name);
            }
            else
            {
                errors.Add($"{path}.input.{name}", $"'{name}' is not an input of this workflow (inputs: {string.Join(", ", definition.Inputs.Select(i => i.Name))})");
            }
        }

        foreach (var violation in checker.Violations)
        {
            errors.Add($"{path}.input.{violation.Path}", violation.Message);
        }
    }

    private void CheckTriggers(WorkflowDefinition definition)
    {
        for (var i = 0; i < definition.Triggers.Count; i++)
        {
            var trigger = definition.Triggers[i];
            var path = $"$.triggers[{i}]";
            CheckTriggerInput(definition, trigger, path);
            if (trigger.Type == TriggerType.Cron)
            {
                if (trigger.Schedule is null)
                {
                    errors.Add($"{path}.schedule", "required for a cron trigger (five fields, e.g. \"0 2 * * 6\")");
                }
                else
                {
                    try
                    {
                        CronExpression.Parse(trigger.Schedule);
                    }
                    catch (CronFormatException ex)
                    {
                        errors.Add($"{path}.schedule", $"'{trigger.Schedule}' is not a valid cron expression: {ex.Message}");
                    }
                }

                if (trigger.TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
                {
                    errors.Add($"{path}.timeZone", $"'{zone}' is not a known time zone id");
                }
            }
            else if (trigger.Kind is null)
            {
                errors.Add($"{path}.kind", $"required for a {trigger.Type.ToString().ToLowerInvariant()} trigger");
            }
        }
    }

    private void CheckActivity(WorkflowDefinition definition, ActivityNode node, string path)
    {
        var descriptor = catalogue.Find(node.Type);
        if (descriptor is null)
        {
            errors.Add($"{path}.type", $"unknown activity type '{node.Type}'");
            return;
        }

        foreach (var (name, value) in node.Inputs)
        {
            var inputPath = $"{path}.inputs.{name}";
            var input = descriptor.FindInput(name);
            if (input is null)
            {
                errors.Add(inputPath, $"'{node.Type}' has no input '{name}' (inputs: {string.Join(", ", descriptor.Inputs.Select(i => i.Name))})");
            }
            else if (value.Expression is { } expression)
            {
                if (expressions.CheckSyntax(expression) is { } syntaxError)
                {
                    errors.Add(inputPath, $"JavaScript does not parse: {syntaxError}");
                }
            }
            else
            {
                CheckLiteral(value.Literal, input, inputPath);
            }
        }

        foreach (var required in descriptor.Inputs.Where(i => i.Required && !node.Inputs.ContainsKey(i.Name)))
        {
            errors.Add($"{path}.inputs", $"missing required input '{required.Name}' of '{node.Type}'");
        }

        if (node.Type == nameof(SetVariable) && node.Inputs.GetValueOrDefault("name")?.Literal is JsonValue nameValue
            && nameValue.TryGetValue<string>(out var variable) && definition.Variables.All(v => v.Name != variable))
        {
            errors.Add($"{path}.inputs.name", $"variable '{variable}' is not declared in $.variables");
        }
    }

    private void CheckLiteral(JsonNode? literal, ActivityPropertyDescriptor input, string path)
    {
        if (literal is null)
        {
            if (input.Required)
            {
                errors.Add(path, $"required input must not be null");
            }

            return;
        }

        if (DataTypes.Describe(literal, input.Type) is { } problem)
        {
            errors.Add(path, problem);
            return;
        }

        if (input.AllowedValues is { } allowed && literal.GetValueKind() == JsonValueKind.String
            && !allowed.Contains(literal.GetValue<string>(), StringComparer.OrdinalIgnoreCase))
        {
            errors.Add(path, $"'{literal.GetValue<string>()}' is not one of: {string.Join(", ", allowed)}");
        }

        var checker = new ValueChecker();
        checker.Check(literal, input.Type, input.Constraints, string.Empty);
        foreach (var violation in checker.Violations)
        {
            errors.Add(violation.Path.Length == 0 ? path : violation.Path.StartsWith('[') ? path + violation.Path : $"{path}.{violation.Path}", violation.Message);
        }
    }

    private void CheckConnections(WorkflowDefinition definition, Dictionary<string, int> indexOf)
    {
        var seen = new HashSet<(string, string, string)>();
        for (var i = 0; i < definition.Connections.Count; i++)
        {
            var connection = definition.Connections[i];
            var path = $"$.connections[{i}]";
            var fromKnown = indexOf.TryGetValue(connection.From, out var fromIndex);
            if (!fromKnown)
            {
                errors.Add($"{path}.from", $"no activity has id '{connection.From}'");
            }

            if (!indexOf.ContainsKey(connection.To))
            {
                errors.Add($"{path}.to", $"no activity has id '{connection.To}'");
            }

            if (!seen.Add((connection.From, connection.Outcome, connection.To)))
            {
                errors.Add(path, $"duplicate of an earlier connection {connection.From} --{connection.Outcome}--> {connection.To}");
            }

            if (fromKnown && catalogue.Find(definition.Activities[fromIndex].Type) is { } descriptor)
            {
                var outcomes = OutcomesOf(definition.Activities[fromIndex], descriptor);
                if (!outcomes.Contains(connection.Outcome, StringComparer.Ordinal))
                {
                    errors.Add($"{path}.outcome", $"'{connection.Outcome}' is not an outcome of '{connection.From}' ({descriptor.Type}: {string.Join(", ", outcomes)})");
                }
            }
        }
    }

    private static List<string> OutcomesOf(ActivityNode node, ActivityDescriptor descriptor)
    {
        var outcomes = new List<string>(descriptor.Outcomes) { ActivityResult.FaultedOutcome };
        if (descriptor.OutcomesFromInput is { } input && node.Inputs.GetValueOrDefault(input)?.Literal is JsonArray cases)
        {
            outcomes.AddRange(cases.OfType<JsonValue>().Select(c => c.ToString()));
        }

        return outcomes;
    }

    private void CheckEntryPoints(WorkflowDefinition definition, Dictionary<string, int> indexOf)
    {
        if (definition.Start is { } start && !indexOf.ContainsKey(start))
        {
            errors.Add("$.start", $"no activity has id '{start}'");
        }

        if (definition.Cancel is { } cancel && !indexOf.ContainsKey(cancel))
        {
            errors.Add("$.cancel", $"no activity has id '{cancel}'");
        }

        var graph = FlowGraph.For(definition);
        if (definition.Start is null && graph.Roots.Count != 1)
        {
            errors.Add("$.start", graph.Roots.Count == 0
                ? "every activity has an incoming connection: set \"start\" to the first activity"
                : $"several activities have no incoming connection ({string.Join(", ", graph.Roots)}): set \"start\" or connect them");
        }
    }

    private void CheckReachability(WorkflowDefinition definition, Dictionary<string, int> indexOf)
    {
        var graph = FlowGraph.For(definition);
        var reachable = graph.ReachableFrom(graph.Start!);
        if (definition.Cancel is { } cancel)
        {
            reachable.UnionWith(graph.ReachableFrom(cancel));
        }

        foreach (var activity in definition.Activities.Where(a => !reachable.Contains(a.Id)))
        {
            errors.Add($"$.activities[{indexOf[activity.Id]}]", $"activity '{activity.Id}' can never run: no path leads to it from the start{(definition.Cancel is null ? string.Empty : " or the cancel path")}");
        }
    }

    private void CheckCycles(WorkflowDefinition definition)
    {
        var graph = FlowGraph.For(definition);
        foreach (var component in StronglyConnected.Components(definition.Activities.Select(a => a.Id), graph.Successors))
        {
            var isCycle = component.Count > 1 || graph.Successors(component[0]).Contains(component[0], StringComparer.Ordinal);
            if (!isCycle)
            {
                continue;
            }

            var waits = component.Any(id => catalogue.Find(definition.FindActivity(id)!.Type) is { Suspends: true });
            if (!waits)
            {
                var index = definition.Connections.ToList().FindIndex(c => component.Contains(c.From) && component.Contains(c.To));
                errors.Add($"$.connections[{index}]", $"cycle {string.Join(" -> ", component)} -> {component[0]} has no activity that waits or bounds the loop (Delay, WaitForEvent, ForEach, ...): it would spin forever");
            }
        }
    }
}
