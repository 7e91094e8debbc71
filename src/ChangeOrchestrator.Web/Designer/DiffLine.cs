namespace ChangeOrchestrator.Web.Designer;

/// <summary>One line of a comparison: kept (' '), removed ('-') or added ('+').</summary>
public sealed record DiffLine(char Kind, string Text);
