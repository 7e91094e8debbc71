using System.Text.Json;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Expressions;
using ChangeOrchestrator.Engine.Publishing;
using ChangeOrchestrator.Engine.Tests.Support;
using Json.Schema;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>What the loader and the published schema each say of one file.</summary>
internal sealed class FormatVerdicts : IDisposable
{
    private static readonly HashSet<string> Applicators = ["if", "then", "else", "not", "additionalProperties", "items"];

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly EngineHarness _engine = new();

    /// <summary>The loader's errors, each with the check (source file and line) that reported it.</summary>
    public IReadOnlyList<(DefinitionError Error, string Rule)> Loader(string json)
    {
        var errors = new DefinitionErrors("complete-workflow.json");
        if (new DefinitionReader(errors).Read(json) is { } definition)
        {
            new DefinitionValidator(_engine.Catalogue, _engine.Get<IExpressionEvaluator>(), null, errors).Validate(definition);
        }

        return [.. errors.All.Zip(errors.Rules)];
    }

    /// <summary>The schema's failed keywords, each as the JSON pointer of the keyword in the schema, with the instance location.</summary>
    public static IReadOnlyList<(string Keyword, string At)> SchemaErrors(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return [("(not JSON)", "$")];
        }

        using (document)
        {
            var results = PublishedSchema.Instance.Evaluate(document.RootElement, Options);
            if (results.IsValid)
            {
                return [];
            }

            // A failed "if" only picks the branch, and what fails inside a "not" is what it requires: neither is an
            // error of the file.
            var failed = (results.Details ?? [])
                .Where(detail => !detail.IsValid)
                .Where(detail => !detail.SchemaLocation.Fragment.Contains("/if", StringComparison.Ordinal) && !detail.SchemaLocation.Fragment.Contains("/not/", StringComparison.Ordinal))
                .ToList();
            var errors = failed
                .Where(detail => detail.Errors is { Count: > 0 })
                .SelectMany(detail => detail.Errors!.Keys.Select(keyword => (Keyword: Normalized($"{detail.SchemaLocation.Fragment}/{keyword}"), At: detail.InstanceLocation.ToString())))
                .ToList();

            // The library lists no message for a failed "not": it shows as a failed schema none of whose parts failed.
            errors.AddRange(failed
                .Where(detail => detail.Errors is not { Count: > 0 } && !failed.Any(other => other != detail && other.EvaluationPath.ToString().StartsWith(detail.EvaluationPath + "/", StringComparison.Ordinal)))
                .Select(detail => (Keyword: Normalized($"{detail.SchemaLocation.Fragment}/not"), At: detail.InstanceLocation.ToString())));
            return errors.Count > 0 ? errors : [("(no rule named)", "$")];
        }
    }

    /// <summary>
    /// The schema library repeats, after each keyword holding an inline schema, the segment before that keyword
    /// (allOf/1/then/1/required, $defs/input/additionalProperties/input); this drops the repeat.
    /// </summary>
    private static string Normalized(string pointer)
    {
        var segments = pointer.TrimEnd('/').Split('/').ToList();
        for (var i = 1; i < segments.Count - 1; i++)
        {
            if (Applicators.Contains(segments[i]) && segments[i + 1] == segments[i - 1])
            {
                segments.RemoveAt(i + 1);
            }
        }

        return string.Join('/', segments);
    }

    public void Dispose() => _engine.Dispose();
}
