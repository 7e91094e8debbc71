namespace ChangeOrchestrator.Engine.Runtime;

public sealed class InvalidWorkflowInputException(IReadOnlyList<InputError> errors)
    : Exception("Invalid workflow input: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
