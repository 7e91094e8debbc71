using System.Globalization;

namespace ChangeOrchestrator.Simulators.Jira.Fields;

/// <summary>Hands out select-option ids in declaration order, so they are the same on every start.</summary>
internal sealed class JiraOptionIdSequence(int first)
{
    private int _next = first;

    public string Next() => (_next++).ToString(CultureInfo.InvariantCulture);
}
