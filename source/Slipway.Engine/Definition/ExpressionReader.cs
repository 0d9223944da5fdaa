using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Definition;

/// <summary>Reads the values and the text of the small expressions passed to <c>Requires</c>, without compiling them when it can.</summary>
internal static partial class ExpressionReader
{
    /// <summary>The field or property an expression like <c>() =&gt; Branch</c> reads, or null for anything else.</summary>
    public static MemberExpression? AsMemberAccess(LambdaExpression expression)
    {
        var body = expression.Body;
        while (body is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } convert)
        {
            body = convert.Operand;
        }

        return body as MemberExpression;
    }

    /// <summary>
    /// Evaluates an expression: member chains over constants are read by reflection, anything else is
    /// interpreted. What the expression itself throws comes out as it was thrown, not wrapped by reflection,
    /// so a condition's own sentence reaches the user.
    /// </summary>
    public static object? Evaluate(Expression expression)
    {
        try
        {
            return EvaluateUnwrapped(expression);
        }
        catch (TargetInvocationException exception) when (exception.InnerException is { } thrown)
        {
            ExceptionDispatchInfo.Throw(thrown);
            throw;
        }
    }

    private static object? EvaluateUnwrapped(Expression expression)
    {
        switch (expression)
        {
            case ConstantExpression constant:
                return constant.Value;
            case MemberExpression { Member: FieldInfo field } access:
                return field.GetValue(access.Expression is null ? null : EvaluateUnwrapped(access.Expression));
            case MemberExpression { Member: PropertyInfo property } access:
                return property.GetValue(access.Expression is null ? null : EvaluateUnwrapped(access.Expression));
            default:
                return Expression.Lambda(expression).Compile(preferInterpretation: true).DynamicInvoke();
        }
    }

    /// <summary>The condition as its author wrote it, e.g. <c>Version != null</c>.</summary>
    public static string Describe(LambdaExpression expression)
    {
        var text = ClosureReference().Replace(expression.Body.ToString(), string.Empty);
        return text.StartsWith('(') && text.EndsWith(')') ? text[1..^1] : text;
    }

    [GeneratedRegex(@"value\([^()]*\)\.")]
    private static partial Regex ClosureReference();
}
