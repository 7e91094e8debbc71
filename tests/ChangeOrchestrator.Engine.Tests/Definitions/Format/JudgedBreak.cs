using ChangeOrchestrator.Engine.Definitions;

namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>One break with what the loader (each error with its check) and the schema (each failed keyword) said of it.</summary>
internal sealed record JudgedBreak(
    FormatMutation Break,
    IReadOnlyList<(DefinitionError Error, string Rule)> Loader,
    IReadOnlyList<(string Keyword, string At)> Schema);
