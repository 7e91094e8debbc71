using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Activities;

/// <summary>The named format a string input must have; shown in the catalogue and checked on literal inputs.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FormatAttribute(ValueFormat format) : Attribute
{
    public ValueFormat Format { get; } = format;
}
