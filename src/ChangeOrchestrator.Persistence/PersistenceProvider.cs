namespace ChangeOrchestrator.Persistence;

/// <summary>The database the workflow state lives in.</summary>
public enum PersistenceProvider
{
    /// <summary>One file, one node: the embedded default of the sandbox.</summary>
    Sqlite,

    /// <summary>Shared by any number of nodes.</summary>
    Postgres,
}
