namespace ChangeOrchestrator.Engine.Runtime;

/// <summary>
/// One problem with the input given to start an instance: where (the input's name, or a path into it such as
/// <c>excludeTags.PatchExempt[0]</c>; empty for a rule about the input as a whole), and what is wrong. A form shows
/// <see cref="Expected"/> and <see cref="Given"/> next to the field.
/// </summary>
public sealed record InputError(string Field, string Message)
{
    public string? Expected { get; init; }

    public string? Given { get; init; }
}
