namespace ChangeOrchestrator.Engine.Tests.Architecture;

/// <summary>
/// Reading an assembly's types is a burst of CPU; run apart from the other tests, it cannot slow an expression past
/// its time limit in a test running beside it.
/// </summary>
[CollectionDefinition(nameof(ArchitectureCollection), DisableParallelization = true)]
public sealed class ArchitectureCollection;
