namespace ChangeOrchestrator.Simulators.Jira.Search;

internal enum JqlOperator
{
    Equals,
    NotEquals,
    Contains,
    NotContains,
    In,
    NotIn,
    IsEmpty,
    IsNotEmpty,
    Greater,
    GreaterOrEqual,
    Less,
    LessOrEqual,
}
