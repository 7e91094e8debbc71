namespace ChangeOrchestrator.Server.Compliance;

/// <summary>Reads a page token of one list (<c>ServerListKey.TryParse</c>, <c>SlaListKey.TryParse</c>).</summary>
internal delegate bool TryParseToken<TKey>(string? token, out TKey? key)
    where TKey : class;
