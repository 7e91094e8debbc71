namespace ChangeOrchestrator.Engine.Results;

/// <summary>
/// A keyset page of the per-server results of one instance: of one activity and list when given, of servers whose
/// id contains <see cref="Server"/>, in <see cref="State"/>. <see cref="After"/> is the previous page's next token.
/// </summary>
public sealed record ResultQuery(string InstanceId)
{
    public const int MaxLimit = 500;

    public string? Activity { get; init; }

    public string? Name { get; init; }

    public string? Server { get; init; }

    public string? State { get; init; }

    public ResultKey? After { get; init; }

    public int Limit { get; init; } = 50;
}
