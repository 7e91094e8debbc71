namespace ChangeOrchestrator.Simulators.Aws.Fleet;

/// <summary>How an on-premises server registered with SSM through a hybrid activation.</summary>
internal sealed record HybridRegistration(string ActivationId, string IamRole, DateTimeOffset RegistrationDate, string Name);
