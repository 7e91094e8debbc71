namespace ChangeOrchestrator.Simulators.Aws.Control;

/// <summary>Body of the resource fault endpoints: which instances, volumes or patches the fault applies to.</summary>
internal sealed record ResourceFaultRequest(List<string>? InstanceIds, List<string>? VolumeIds, List<string>? KbIds);
