using ChangeOrchestrator.Simulators.Aws.Fleet;
using ChangeOrchestrator.Simulators.Aws.Ssm.Commands;

namespace ChangeOrchestrator.Simulators.Aws.Ssm.Documents;

/// <summary>What a Command document does on a node once its invocation is InProgress.</summary>
internal interface IDocumentRunner
{
    string Name { get; }

    string PluginNameFor(FleetNode node);

    bool SupportsPlatform(FleetNode node);

    /// <summary>Throws InvalidParameters for parameters the document does not declare or values it rejects.</summary>
    void ValidateParameters(IReadOnlyDictionary<string, IReadOnlyList<string>> parameters);

    /// <summary>Schedules the invocation's work and its terminal state on the world's timeline.</summary>
    void Run(AwsWorld world, CommandInvocation invocation, DateTimeOffset at);
}
