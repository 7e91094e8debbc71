namespace ChangeOrchestrator.Simulators.ServiceNow.Tables;

/// <summary>One column of a table: how it is stored, displayed, compared and written.</summary>
internal sealed record FieldDefinition(string Name, FieldKind Kind)
{
    /// <summary>For reference fields, the table referred to.</summary>
    public string? ReferenceTable { get; init; }

    /// <summary>For choice fields, value to label.</summary>
    public IReadOnlyDictionary<string, string> Choices { get; init; } = new Dictionary<string, string>();

    /// <summary>System-maintained fields ignore client writes.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Whether values compare and sort as numbers (integer fields and numeric choices such as state).</summary>
    public bool IsNumeric => Kind == FieldKind.Integer || Kind == FieldKind.Choice && Choices.Keys.All(k => int.TryParse(k, out _));

    public static FieldDefinition String(string name) => new(name, FieldKind.String);

    public static FieldDefinition System(string name, FieldKind kind = FieldKind.String) => new(name, kind) { ReadOnly = true };

    public static FieldDefinition Integer(string name) => new(name, FieldKind.Integer);

    public static FieldDefinition Boolean(string name) => new(name, FieldKind.Boolean);

    public static FieldDefinition DateTime(string name) => new(name, FieldKind.DateTime);

    public static FieldDefinition Journal(string name) => new(name, FieldKind.Journal);

    public static FieldDefinition Reference(string name, string table) => new(name, FieldKind.Reference) { ReferenceTable = table };

    public static FieldDefinition Choice(string name, params (string Value, string Label)[] choices) =>
        new(name, FieldKind.Choice) { Choices = choices.ToDictionary(c => c.Value, c => c.Label, StringComparer.Ordinal) };
}
