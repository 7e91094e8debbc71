using ChangeOrchestrator.Simulators.ServiceNow.Auth;

namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>Who writes and how input is to be read (sysparm_input_display_value, labels for state).</summary>
internal sealed record WriteContext(ServiceNowUser User, bool InputDisplayValue, bool AcceptStateLabels = false);
