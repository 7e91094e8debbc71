using System.Reflection;
using ArchUnitNET.Loader;

namespace ChangeOrchestrator.IntegrationTests.Architecture;

/// <summary>The product's assemblies, loaded once for every architecture rule.</summary>
internal static class ProductAssemblies
{
    public static readonly Assembly Engine = typeof(ChangeOrchestrator.Engine.EngineServiceCollectionExtensions).Assembly;
    public static readonly Assembly Patching = typeof(ChangeOrchestrator.Patching.PatchingServiceCollectionExtensions).Assembly;
    public static readonly Assembly Connectors = typeof(ChangeOrchestrator.Connectors.AwsServiceCollectionExtensions).Assembly;
    public static readonly Assembly Persistence = typeof(ChangeOrchestrator.Persistence.PersistenceServiceCollectionExtensions).Assembly;
    public static readonly Assembly Web = typeof(ChangeOrchestrator.Web.WebConsoleExtensions).Assembly;
    public static readonly Assembly Server = typeof(ChangeOrchestrator.Server.Hosting.ServerBuilderExtensions).Assembly;
    public static readonly Assembly Simulators = typeof(ChangeOrchestrator.Simulators.SimulatorHost).Assembly;

    public static IReadOnlyList<Assembly> All { get; } = [Engine, Patching, Connectors, Persistence, Web, Server, Simulators];

    public static ArchUnitNET.Domain.Architecture Loaded { get; } = new ArchLoader().LoadAssemblies([.. All]).Build();

    public static string Name(Assembly assembly) => assembly.GetName().Name!;
}
