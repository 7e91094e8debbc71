namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>One value that breaks its declaration: where (a path such as <c>excludeTags.PatchExempt[0]</c>), what was expected and what was given.</summary>
public sealed record ConstraintViolation(string Path, string Expected, string Given)
{
    public string Message => $"expected {Expected}, given {Given}";
}
