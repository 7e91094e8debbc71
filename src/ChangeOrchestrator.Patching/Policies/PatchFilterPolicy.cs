namespace ChangeOrchestrator.Patching.Policies;

/// <summary>A patch property (PRODUCT, CLASSIFICATION, SEVERITY, MSRC_SEVERITY, ...) and the values it accepts; <c>*</c> matches all.</summary>
public sealed record PatchFilterPolicy(string Key, IReadOnlyList<string> Values);
