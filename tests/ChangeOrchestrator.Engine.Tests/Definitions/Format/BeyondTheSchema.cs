namespace ChangeOrchestrator.Engine.Tests.Definitions.Format;

/// <summary>
/// Loader checks that JSON Schema cannot state, each named by a piece of its source line: they compare a value with
/// a sibling (a default with its declared type and constraints, a minimum with a maximum, names with each other) or
/// need what only the server knows (the activity catalogue, the expression parser, time zones, the graph).
/// </summary>
internal static class BeyondTheSchema
{
    private const string Reader = "DefinitionReader.cs";
    private const string Contracts = "ContractReader.cs";
    private const string Validator = "DefinitionValidator.cs";

    public static IReadOnlyList<(string File, string Line, string Why)> Checks { get; } =
    [
        (Reader, "errors.Add($\"{path}.default\", problem)", "a variable's default against its declared type"),
        (Contracts, "is more than maxLength", "minLength against maxLength"),
        (Contracts, "is more than maxItems", "minItems against maxItems"),
        (Contracts, "is less than minimum", "maximum against minimum"),
        (Contracts, "applies only to", "a constraint against the declared type"),
        (Contracts, "is declared twice", "field names against each other"),
        (Contracts, "errors.Add(itemPath, \"must not be null\")", "enum values against the declared type"),
        (Contracts, "errors.Add(itemPath, problem)", "enum values against the declared type"),
        (Contracts, "type == DataType.Duration", "the form of a bound against the declared type"),
        (Contracts, "errors.Add(path, problem)", "a default against its declared type"),
        (Contracts, "the default breaks its own declaration", "a default against its own constraints"),
        (Validator, "is also the id of", "activity ids against each other"),
        (Validator, "is declared twice", "input and variable names against each other"),
        (Validator, "errors.Add($\"{path}.js\", $\"JavaScript does not parse", "the expression parser"),
        (Validator, "is not a declared input", "rule fields against the declared inputs"),
        (Validator, "is not a source of allowed values", "the host's sources of allowed values"),
        (Validator, "is not an input of this workflow", "trigger inputs against the declared inputs"),
        (Validator, "errors.Add($\"{path}.input.{violation.Path}\"", "trigger inputs against their declarations"),
        (Validator, "is not a valid cron expression", "the cron parser"),
        (Validator, "is not a known time zone id", "the server's time zones"),
        (Validator, "unknown activity type", "the activity catalogue"),
        (Validator, "has no input", "the activity catalogue"),
        (Validator, "errors.Add(inputPath, $\"JavaScript does not parse", "the expression parser"),
        (Validator, "missing required input", "the activity catalogue"),
        (Validator, "is not declared in $.variables", "activity inputs against the declared variables"),
        (Validator, "required input must not be null", "the activity catalogue"),
        (Validator, "errors.Add(path, problem)", "the activity catalogue's input types"),
        (Validator, "is not one of: {string.Join(\", \", allowed)}", "the activity catalogue's allowed values"),
        (Validator, "errors.Add(violation.Path.Length == 0", "the activity catalogue's input constraints"),
        (Validator, "errors.Add($\"{path}.from\", $\"no activity has id", "connections against activity ids"),
        (Validator, "errors.Add($\"{path}.to\", $\"no activity has id", "connections against activity ids"),
        (Validator, "duplicate of an earlier connection", "connections against each other"),
        (Validator, "is not an outcome of", "the activity catalogue's outcomes"),
        (Validator, "errors.Add(\"$.start\", $\"no activity has id", "start against activity ids"),
        (Validator, "errors.Add(\"$.cancel\", $\"no activity has id", "cancel against activity ids"),
        (Validator, "errors.Add(\"$.start\", graph.Roots.Count == 0", "the graph's roots"),
        (Validator, "can never run", "the graph's reachability"),
        (Validator, "has no activity that waits or bounds the loop", "the graph's cycles"),
    ];
}
