namespace ChangeOrchestrator.Engine.Activities;

/// <summary>The host source whose values a string input takes (e.g. <c>serviceDesks</c>); shown in the catalogue for designers.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class EnumFromAttribute(string source) : Attribute
{
    public string Source { get; } = source;
}
