using ChangeOrchestrator.Simulators.ServiceNow.Tables;

namespace ChangeOrchestrator.Simulators.ServiceNow.Changes;

/// <summary>The numeric change states of the base system.</summary>
internal static class ChangeStates
{
    public const string New = "-5";
    public const string Assess = "-4";
    public const string Authorize = "-3";
    public const string Scheduled = "-2";
    public const string Implement = "-1";
    public const string Review = "0";
    public const string Closed = "3";
    public const string Canceled = "4";

    public static readonly FieldDefinition Field = FieldDefinition.Choice("state",
        (New, "New"), (Assess, "Assess"), (Authorize, "Authorize"), (Scheduled, "Scheduled"),
        (Implement, "Implement"), (Review, "Review"), (Closed, "Closed"), (Canceled, "Canceled"));

    public static bool IsTerminal(string state) => state is Closed or Canceled;

    public static string Label(string state) => Field.Choices.GetValueOrDefault(state, state);

    /// <summary>Accepts a value or a label ("assess", "Scheduled"), as the Change Management API does on write.</summary>
    public static string? Parse(string valueOrLabel)
    {
        if (Field.Choices.ContainsKey(valueOrLabel))
        {
            return valueOrLabel;
        }

        return Field.Choices.FirstOrDefault(c => string.Equals(c.Value, valueOrLabel.Trim(), StringComparison.OrdinalIgnoreCase)).Key;
    }
}
