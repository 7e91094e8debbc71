using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChangeOrchestrator.Engine.Activities;
using ChangeOrchestrator.Engine.Definitions;
using ChangeOrchestrator.Engine.Definitions.Contracts;
using ChangeOrchestrator.Engine.Expressions;

namespace ChangeOrchestrator.Engine.Publishing;

/// <summary>
/// Reads and validates workflow files; reports every error with file, JSON path and reason. With the host's
/// <see cref="AllowedValueSources"/>, every <c>enumFrom</c> must name one of them.
/// </summary>
public sealed class WorkflowDefinitionLoader(ActivityCatalogue catalogue, IExpressionEvaluator expressions, AllowedValueSources? sources = null)
{
    public DefinitionResult Load(string json, string file)
    {
        var errors = new DefinitionErrors(file);
        var definition = new DefinitionReader(errors).Read(json);
        if (definition is not null)
        {
            new DefinitionValidator(catalogue, expressions, sources, errors).Validate(definition);
        }

        return new DefinitionResult(errors.Any ? null : definition, errors.All);
    }

    /// <summary>Loads a file; its name must be the definition id (<c>patch-change.json</c> holds <c>patch-change</c>).</summary>
    public async Task<DefinitionResult> LoadFileAsync(string path, CancellationToken cancellationToken)
    {
        var json = await File.ReadAllTextAsync(path, cancellationToken);
        var file = Path.GetFileName(path);
        var result = Load(json, file);
        var expectedId = Path.GetFileNameWithoutExtension(path);
        if (result.Definition is { } definition && definition.Id != expectedId)
        {
            return new DefinitionResult(null, [new DefinitionError(file, "$.id", $"'{definition.Id}' must match the file name '{expectedId}'")]);
        }

        return result;
    }

    /// <summary>Every <c>*.json</c> workflow file of a folder, in name order.</summary>
    public async Task<IReadOnlyList<(string Path, DefinitionResult Result)>> LoadDirectoryAsync(string directory, CancellationToken cancellationToken)
    {
        var results = new List<(string, DefinitionResult)>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            results.Add((path, await LoadFileAsync(path, cancellationToken)));
        }

        return results;
    }

    /// <summary>
    /// Hash of a definition's JSON without its layout (whitespace, comments), so reformatting a file never publishes
    /// a new version while any change of content does.
    /// </summary>
    public static string ContentHash(string json)
    {
        var canonical = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })?.ToJsonString() ?? string.Empty;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
