namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>Collects every error found in one file, so the author sees them all at once.</summary>
internal sealed class DefinitionErrors(string file)
{
    private readonly List<DefinitionError> _errors = [];

    public string File { get; } = file;

    public IReadOnlyList<DefinitionError> All => _errors;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message) => _errors.Add(new DefinitionError(File, path, message));
}
