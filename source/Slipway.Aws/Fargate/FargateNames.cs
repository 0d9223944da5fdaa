using System.Text;
using Slipway.Platform;

namespace Slipway.Aws.Fargate;

/// <summary>The names the Fargate platform gives things: task families, containers, log streams, DNS records.</summary>
internal static class FargateNames
{
    private const int MaxFamilyLength = 255;

    /// <summary>The family prefix every task definition of the app shares.</summary>
    public static string FamilyPrefix(string app) => $"slipway-{Clean(app)}-";

    /// <summary><c>slipway-&lt;app&gt;-&lt;name&gt;-&lt;kind&gt;</c>, where the name is the branch slug (or a task name built from it).</summary>
    public static string Family(string app, string name, TaskKind kind)
    {
        var cleanName = Clean(name);
        var suffix = cleanName.EndsWith("-" + kind.Label(), StringComparison.Ordinal) ? "" : "-" + kind.Label();
        var family = FamilyPrefix(app) + cleanName + suffix;
        return family.Length <= MaxFamilyLength ? family : family[..MaxFamilyLength];
    }

    /// <summary>The task's one container is named for its kind (tests, analysis, playground).</summary>
    public static string Container(TaskKind kind) => kind.Label();

    /// <summary>The awslogs stream prefix: the app, so that apps sharing a log group keep apart.</summary>
    public static string StreamPrefix(string app) => Clean(app);

    /// <summary>The stream the awslogs driver writes a task's container to: prefix/container/task-id.</summary>
    public static string LogStream(string app, TaskKind kind, string taskId) => $"{StreamPrefix(app)}/{Container(kind)}/{taskId}";

    /// <summary>Where the app's task secrets are kept in SSM Parameter Store: <c>/slipway/&lt;app&gt;</c>.</summary>
    public static string SecretsPath(string app) => $"/slipway/{Clean(app)}";

    /// <summary>Where the secrets of one task family's runs are kept: <c>/slipway/&lt;app&gt;/&lt;family&gt;</c>.</summary>
    public static string SecretsPath(string app, string family) => $"{SecretsPath(app)}/{family}";

    /// <summary>One secret of one run: <c>/slipway/&lt;app&gt;/&lt;family&gt;/&lt;run&gt;/&lt;NAME&gt;</c>.</summary>
    public static string Secret(Ownership owner, string family, string name) => $"{SecretsPath(owner.App, family)}/{Clean(owner.Run)}/{name}";

    // Families allow letters, digits, hyphens and underscores; everything else becomes a hyphen.
    private static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? char.ToLowerInvariant(c) : '-');
        }

        return builder.ToString().Trim('-');
    }
}
