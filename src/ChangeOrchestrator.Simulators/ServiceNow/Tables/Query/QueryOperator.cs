namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

internal enum QueryOperator
{
    Equals,
    NotEquals,
    Like,
    NotLike,
    StartsWith,
    EndsWith,
    In,
    NotIn,
    IsEmpty,
    IsNotEmpty,
    LessThan,
    LessOrEqual,
    GreaterThan,
    GreaterOrEqual,
    Anything,
}
