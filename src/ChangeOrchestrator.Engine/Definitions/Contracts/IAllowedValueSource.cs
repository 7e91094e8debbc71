namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>
/// A port the host implements so that a declaration's <c>enumFrom</c> can name values only the host knows: the
/// configured service desks, the fleet's patch groups, the change calendars. Register one with
/// <c>services.AddAllowedValueSource&lt;T&gt;(name, description)</c>.
/// </summary>
public interface IAllowedValueSource
{
    /// <summary>The values allowed now; a source that reads a remote system caches them.</summary>
    Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken);
}
