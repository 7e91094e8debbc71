namespace ChangeOrchestrator.Connectors.Aws;

/// <summary>AWS strings as the domain reads them.</summary>
internal static class AwsText
{
    /// <summary>
    /// An absent value as null: the services answer some absent fields with an empty string and leave others out,
    /// and the domain has one way to say "none".
    /// </summary>
    public static string? OrNull(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
