namespace ChangeOrchestrator.Simulators.Jira.Search;

internal enum JqlFieldType
{
    /// <summary>Compared whole, case-insensitively: =, !=, IN, NOT IN, IS [NOT] EMPTY.</summary>
    Exact,

    /// <summary>Searched by terms: ~, !~, IS [NOT] EMPTY.</summary>
    Text,

    /// <summary>Compared in time: =, !=, &lt;, &lt;=, &gt;, &gt;=, IS [NOT] EMPTY.</summary>
    Date,
}
