using ChangeOrchestrator.Web.Designer;

namespace ChangeOrchestrator.UiTests.Designer;

/// <summary>Parse errors of expressions, placed in the expression's own lines and columns.</summary>
public sealed class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("input.changeKey")]
    [InlineData("`waiting for ${input.changeKey}`;")]
    [InlineData("steps.scan.missing\n  .filter(p => p.severity === 'Critical').length")]
    public void Check_ValidExpression_IsNull(string expression)
    {
        Assert.Null(ExpressionSyntax.Check(expression));
    }

    [Fact]
    public void Check_ErrorOnTheFirstLine_IsAtItsColumnInTheExpression()
    {
        var error = ExpressionSyntax.Check("input.a + * 1");

        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
        Assert.Equal(11, error.Column);
    }

    [Fact]
    public void Check_ErrorOnALaterLine_KeepsItsLineAndColumn()
    {
        var error = ExpressionSyntax.Check("input.a +\n  input.b ]");

        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Equal(11, error.Column);
    }

    [Fact]
    public void Check_UnfinishedExpression_IsMarkedAtItsEnd()
    {
        var error = ExpressionSyntax.Check("input.a +");

        Assert.NotNull(error);
        Assert.Equal(1, error.Line);
        Assert.Equal(10, error.Column);
    }
}
