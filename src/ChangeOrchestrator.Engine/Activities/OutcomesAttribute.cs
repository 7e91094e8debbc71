namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// The outcomes an activity can finish with. <see cref="FromInput"/> names an input holding further, user-defined
/// outcomes (a switch's cases). Every activity can also finish with <c>Faulted</c> when that outcome is connected.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params string[] outcomes) : Attribute
{
    public IReadOnlyList<string> Outcomes { get; } = outcomes;

    public string? FromInput { get; init; }
}
