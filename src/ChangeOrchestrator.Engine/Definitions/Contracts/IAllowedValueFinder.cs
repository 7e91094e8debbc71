namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// A source of allowed values that can check one value without listing them all, for sources whose full list is
/// costly to read (a fleet's patch groups). Starts check the values they name with it; start forms still list the
/// values with <see cref="IAllowedValueSource.GetAsync"/>.
/// </summary>
public interface IAllowedValueFinder : IAllowedValueSource
{
    /// <summary>The value as the source knows it, or why it is not allowed; a source that reads a remote system caches what it found.</summary>
    Task<AllowedValueMatch> FindAsync(string value, CancellationToken cancellationToken);
}
