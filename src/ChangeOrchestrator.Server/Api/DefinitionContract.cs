using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Server.Api;

/// <summary>
/// What a start form needs to know of a definition: its inputs with their constraints, its rules, and the values each
/// <c>enumFrom</c> source allows now (a source that cannot be read is reported as unavailable rather than failing the read).
/// </summary>
internal static class DefinitionContract
{
    public static async Task<JsonObject> DescribeAsync(WorkflowDefinition definition, AllowedValueSources sources, CancellationToken cancellationToken)
    {
        var allowed = new JsonObject();
        foreach (var source in SourcesOf(definition).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            try
            {
                var set = await sources.GetAsync(source, cancellationToken);
                allowed[source] = new JsonArray([.. set.Values.Select(v => (JsonNode)Value(v))]);
            }
            catch (AllowedValuesUnavailableException ex)
            {
                allowed[source] = new JsonObject { ["unavailable"] = ex.Message };
            }
        }

        return new JsonObject
        {
            ["inputs"] = new JsonArray([.. definition.Inputs.Select(i => (JsonNode)ContractJson.Write(i))]),
            ["rules"] = new JsonArray([.. definition.Rules.Select(r => (JsonNode)ContractJson.Write(r))]),
            ["allowedValues"] = allowed,
        };
    }

    private static JsonObject Value(AllowedValue value)
    {
        var json = new JsonObject { ["value"] = value.Value };
        if (value.Label is not null)
        {
            json["label"] = value.Label;
        }

        if (value.IsEmpty)
        {
            json["empty"] = true;
        }

        return json;
    }

    private static IEnumerable<string> SourcesOf(WorkflowDefinition definition) => definition.Inputs.SelectMany(i => SourcesOf(i.Constraints));

    private static IEnumerable<string> SourcesOf(InputConstraints constraints)
    {
        if (constraints.EnumFrom is { } source)
        {
            yield return source;
        }

        foreach (var nested in (constraints.Fields ?? []).Select(f => f.Constraints)
            .Concat(new[] { constraints.Items?.Constraints, constraints.Values?.Constraints }.OfType<InputConstraints>()))
        {
            foreach (var inner in SourcesOf(nested))
            {
                yield return inner;
            }
        }
    }
}
