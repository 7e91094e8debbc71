namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// A condition across several inputs, checked at start in the expression sandbox: <c>js</c> must be true, else
/// <c>message</c> is reported against each input named in <c>fields</c>.
/// </summary>
public sealed record InputRule
{
    public required string Js { get; init; }

    public required string Message { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];
}
