namespace ChangeOrchestrator.Simulators.ServiceNow.Tables.Query;

/// <summary>One term of an encoded query: <c>field</c>, operator, value (IN lists are comma-separated).</summary>
internal sealed record QueryCondition(string Field, QueryOperator Operator, string Value);
