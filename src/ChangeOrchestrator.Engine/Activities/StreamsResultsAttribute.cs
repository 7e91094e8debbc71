using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>
/// On an input: per-server lists stored apart from the instance reach the activity as references, which it reads a
/// page at a time with <see cref="ActivityContext.ReadListAsync"/>, instead of being read whole before it runs.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class StreamsResultsAttribute : Attribute
{
    public StreamsResultsAttribute()
    {
    }

    /// <summary>
    /// For an input that must be one kind of value (a list of server ids): the property is a JSON node, so that a
    /// reference reaches the activity unread, while the catalogue, the designer and the check of literal values
    /// still know it as <paramref name="declaredAs"/>.
    /// </summary>
    public StreamsResultsAttribute(DataType declaredAs) => DeclaredAs = declaredAs;

    public DataType? DeclaredAs { get; }
}
