using Acornima;

namespace ChangeOrchestrator.Web.Designer;

/// <summary>
/// Where an expression fails to parse, as the engine parses it (the body of a strict function of <c>input</c>,
/// <c>vars</c>, <c>steps</c>, <c>instance</c> and <c>now</c>), in the expression's own lines and columns, for the
/// expression editor to mark as the person types.
/// </summary>
public static class ExpressionSyntax
{
    // The same wrapping as the engine's sandbox; the expression starts on its first line after this prefix.
    private const string Prefix = "(function (input, vars, steps, instance, now) { \"use strict\"; return (";

    /// <summary>The first parse error, or null when the expression parses.</summary>
    public static ExpressionSyntaxError? Check(string expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return new ExpressionSyntaxError("An expression is empty.", 1, 1);
        }

        try
        {
            new Parser().ParseScript(Prefix + expression.TrimEnd().TrimEnd(';') + "\n); })");
            return null;
        }
        catch (ParseErrorException ex)
        {
            var lines = expression.ReplaceLineEndings("\n").Split('\n');
            var line = Math.Clamp(ex.LineNumber, 1, lines.Length);
            var column = ex.LineNumber == 1 ? ex.Column - Prefix.Length : ex.Column;

            // An error found past the end (an unclosed bracket is noticed at the wrapper's closing) belongs at the end.
            if (ex.LineNumber > lines.Length || column < 0)
            {
                line = lines.Length;
                column = lines[^1].Length;
            }

            return new ExpressionSyntaxError(ex.Description ?? "Not a valid expression.", line, Math.Min(column, lines[line - 1].Length) + 1);
        }
    }
}
