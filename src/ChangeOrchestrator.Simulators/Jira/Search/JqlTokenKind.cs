namespace ChangeOrchestrator.Simulators.Jira.Search;

internal enum JqlTokenKind
{
    Word,
    String,
    Operator,
    OpenParen,
    CloseParen,
    Comma,
    End,
}
