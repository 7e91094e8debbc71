namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>One broken variant of a valid workflow file: what was changed, and the resulting JSON.</summary>
public sealed record FormatMutation(string Description, string Json)
{
    public override string ToString() => Description;
}
