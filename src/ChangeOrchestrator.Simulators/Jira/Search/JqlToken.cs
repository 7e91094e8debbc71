namespace ChangeOrchestrator.Simulators.Jira.Search;

internal sealed record JqlToken(JqlTokenKind Kind, string Text, int Position)
{
    public bool IsKeyword(string keyword) => Kind == JqlTokenKind.Word && string.Equals(Text, keyword, StringComparison.OrdinalIgnoreCase);
}
