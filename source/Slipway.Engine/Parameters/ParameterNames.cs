using System.Text;

namespace Slipway.Engine.Parameters;

/// <summary>The spellings of a parameter name: <c>MaxParallel</c>, <c>--max-parallel</c>, <c>SLIPWAY_MAX_PARALLEL</c>.</summary>
internal static class ParameterNames
{
    public const string EnvironmentPrefix = "SLIPWAY_";

    /// <summary>The key names are compared by: lower case without dashes and underscores.</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            if (character is not ('-' or '_'))
            {
                builder.Append(char.ToLowerInvariant(character));
            }
        }

        return builder.ToString();
    }

    /// <summary><c>MaxParallel</c> → <c>max-parallel</c>.</summary>
    public static string ToKebabCase(string name) => string.Join('-', Words(name)).ToLowerInvariant();

    /// <summary><c>MaxParallel</c> → <c>MAX_PARALLEL</c>.</summary>
    public static string ToUpperSnakeCase(string name) => string.Join('_', Words(name)).ToUpperInvariant();

    /// <summary>Splits <c>AwsRegion</c>, <c>AWSRegion</c>, <c>aws-region</c> and <c>aws_region</c> into words.</summary>
    private static IEnumerable<string> Words(string name)
    {
        var word = new StringBuilder();
        for (var index = 0; index < name.Length; index++)
        {
            var character = name[index];
            if (character is '-' or '_' or ' ')
            {
                if (word.Length > 0)
                {
                    yield return word.ToString();
                    word.Clear();
                }

                continue;
            }

            var startsWord = word.Length > 0 && char.IsUpper(character) &&
                (char.IsLower(name[index - 1]) || char.IsDigit(name[index - 1]) ||
                 (index + 1 < name.Length && char.IsLower(name[index + 1])));
            if (startsWord)
            {
                yield return word.ToString();
                word.Clear();
            }

            word.Append(character);
        }

        if (word.Length > 0)
        {
            yield return word.ToString();
        }
    }
}
