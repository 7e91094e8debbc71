using ChangeOrchestrator.Engine.Definitions.Contracts;

namespace ChangeOrchestrator.Engine.Tests.Support;

/// <summary>A source of allowed values whose answer a test sets, and which counts how often it was asked.</summary>
internal sealed class FixedValues : IAllowedValueSource
{
    public AllowedValueSet Set { get; set; } = new() { Values = [] };

    public bool Fails { get; set; }

    public int Reads { get; private set; }

    public Task<AllowedValueSet> GetAsync(CancellationToken cancellationToken)
    {
        Reads++;
        return Fails ? throw new InvalidOperationException("the fleet is unreachable") : Task.FromResult(Set);
    }
}
