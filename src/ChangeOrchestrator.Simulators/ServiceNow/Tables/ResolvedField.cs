namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>A (possibly dot-walked) field read from a record: its definition, the record holding it, its raw value.</summary>
internal sealed record ResolvedField(FieldDefinition Definition, ServiceNowRecord? Owner, string Raw);
