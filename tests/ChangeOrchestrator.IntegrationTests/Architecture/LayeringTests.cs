using System.Reflection;
using ArchUnitNET.xUnit;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace ChangeOrchestrator.IntegrationTests.Architecture;

/// <summary>
/// The layers of docs/architecture.md: the engine knows no patching, patching knows no vendor, storage or web
/// framework, connectors know no storage or host, and the simulators stand apart as the vendors they imitate.
/// </summary>
public sealed class LayeringTests
{
    public static TheoryData<string, string> Forbidden() => new()
    {
        { "Engine", "Patching" },
        { "Engine", "Connectors" },
        { "Engine", "Persistence" },
        { "Engine", "Web" },
        { "Engine", "Server" },
        { "Patching", "Connectors" },
        { "Patching", "Persistence" },
        { "Patching", "Web" },
        { "Patching", "Server" },
        { "Connectors", "Persistence" },
        { "Connectors", "Web" },
        { "Connectors", "Server" },
        { "Simulators", "Engine" },
        { "Simulators", "Patching" },
        { "Simulators", "Connectors" },
        { "Simulators", "Persistence" },
        { "Simulators", "Web" },
        { "Simulators", "Server" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void Layer_DoesNotDependOn(string layer, string forbidden)
    {
        Types().That().ResideInAssembly(Assembly(layer))
            .Should().NotDependOnAny(Types().That().ResideInAssembly(Assembly(forbidden)))
            .Check(ProductAssemblies.Loaded);
    }

    [Theory]
    [InlineData("Engine")]
    [InlineData("Patching")]
    public void Layer_DoesNotDependOnAspNetCore(string layer)
    {
        Types().That().ResideInAssembly(Assembly(layer))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^Microsoft\.AspNetCore(\..*)?$"))
            .Check(ProductAssemblies.Loaded);
    }

    [Fact]
    public void Connectors_DoNotUseTheEngine()
    {
        // Connectors speak to vendors in patching's terms; the activities translate to the engine's.
        Types().That().ResideInAssembly(ProductAssemblies.Connectors)
            .Should().NotDependOnAny(Types().That().ResideInAssembly(ProductAssemblies.Engine))
            .Check(ProductAssemblies.Loaded);
    }

    [Fact]
    public void ServerFolders_DoNotUseHosting()
    {
        // Hosting wires every folder of the server; a folder that reached back into it would tie its concern to
        // the whole pipeline. Only Program (the global namespace) starts it.
        Types().That().ResideInNamespaceMatching(@"^ChangeOrchestrator\.Server\.(?!Hosting(\.|$)).+$")
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(@"^ChangeOrchestrator\.Server\.Hosting(\..*)?$"))
            .Check(ProductAssemblies.Loaded);
    }

    [Theory]
    [InlineData("Engine", "Patching")]
    [InlineData("Patching", "Connectors")]
    [InlineData("Connectors", "Persistence")]
    [InlineData("Simulators", "Engine")]
    public void ProjectReferences_FollowTheLayers(string layer, string forbidden)
    {
        // The compiled references, beside the type rules: a reference nothing uses yet still invites the next use.
        Assert.DoesNotContain(Assembly(layer).GetReferencedAssemblies(), reference => reference.Name == $"ChangeOrchestrator.{forbidden}");
    }

    private static Assembly Assembly(string layer) => ProductAssemblies.All.Single(a => ProductAssemblies.Name(a) == $"ChangeOrchestrator.{layer}");
}
