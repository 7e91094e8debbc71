namespace ChangeOrchestrator.Web.Designer;

/// <summary>A file that cannot be opened in the designer; the message names the file and where it is wrong.</summary>
public sealed class DesignerFileException(string message) : Exception(message);
