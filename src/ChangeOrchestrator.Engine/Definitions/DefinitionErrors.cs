using System.Runtime.CompilerServices;

namespace ChangeOrchestrator.Engine.Definitions;

/// <summary>Collects every error found in one file, so the author sees them all at once.</summary>
internal sealed class DefinitionErrors(string file)
{
    private readonly List<DefinitionError> _errors = [];
    private readonly List<string> _rules = [];

    public string File { get; } = file;

    public IReadOnlyList<DefinitionError> All => _errors;

    /// <summary>
    /// The check that reported each error, as source file and line, in the order of <see cref="All"/>. The format
    /// agreement tests use it to prove that every check of the loader is also a rule of the published schema.
    /// </summary>
    public IReadOnlyList<string> Rules => _rules;

    public bool Any => _errors.Count > 0;

    public void Add(string path, string message, [CallerFilePath] string checkFile = "", [CallerLineNumber] int checkLine = 0)
    {
        _errors.Add(new DefinitionError(File, path, message));
        _rules.Add($"{Path.GetFileName(checkFile)}:{checkLine}");
    }
}
