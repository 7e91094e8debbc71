namespace ChangeOrchestrator.UiTests.Support;

/// <summary>Every console test shares one server and one browser; the collection runs its classes one after another.</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleServer>
{
    public const string Name = "console";
}
