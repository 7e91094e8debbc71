namespace ChangeOrchestrator.Engine.Definitions.Contracts;

/// <summary>A source of allowed values could not answer (not configured here, or its system failed).</summary>
public sealed class AllowedValuesUnavailableException : Exception
{
    public AllowedValuesUnavailableException(string message)
        : base(message)
    {
    }

    public AllowedValuesUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
