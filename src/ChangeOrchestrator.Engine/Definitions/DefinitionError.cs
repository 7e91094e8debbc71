namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>One thing wrong with a definition: where (file and JSON path) and what.</summary>
public sealed record DefinitionError(string File, string Path, string Message)
{
    public override string ToString() => $"{File}: {Path}: {Message}";
}
