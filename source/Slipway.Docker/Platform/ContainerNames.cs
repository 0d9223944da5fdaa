using System.Text;

namespace Slipway.Docker.Platform;

/// <summary>Container names the engine accepts: [a-zA-Z0-9][a-zA-Z0-9_.-]*, kept short enough to read.</summary>
internal static class ContainerNames
{
    private const int MaxLength = 120;

    /// <summary>
    /// slipway-&lt;slug&gt;-&lt;installation's first 8&gt;: the playground of a branch, its name unique per installation so that
    /// two work directories on one engine can each have one; slipway-&lt;slug&gt; without an installation.
    /// </summary>
    public static string ForService(string slug, string? installation = null) =>
        Clean(installation is null ? $"slipway-{slug}" : $"slipway-{slug}-{installation[..Math.Min(8, installation.Length)]}");

    /// <summary>slipway-&lt;run&gt;-&lt;task&gt;: unique as long as task names are unique within a run.</summary>
    public static string ForTask(string run, string task) => Clean($"slipway-{run}-{task}");

    private static string Clean(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (var character in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(character) || character is '_' or '.' or '-' ? character : '-');
        }

        return clean.Length > MaxLength ? clean.ToString(0, MaxLength) : clean.ToString();
    }
}
