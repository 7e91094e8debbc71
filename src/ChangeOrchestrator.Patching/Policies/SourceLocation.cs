namespace ChangeOrchestrator.Patching.Policies;

/// <summary>Where a policy value was written: the file and its 1-based line and column.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}";
}
