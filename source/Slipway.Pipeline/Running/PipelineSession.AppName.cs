using Slipway.Git.Checkout;
using Slipway.Pipeline.Naming;

namespace Slipway.Pipeline.Running;

/// <summary>The app's name, as runs, images and resources carry it.</summary>
public sealed partial class PipelineSession
{
    /// <summary>The app's name, as a slug: the folder or repository name of its source (<paramref name="app"/>, as --app takes it).</summary>
    public static string AppNameOf(string app, string slipwayRoot) => AppNameOf(AppSource.Resolve(app, null, null, slipwayRoot));

    /// <summary>The app's name, as a slug, from its resolved source.</summary>
    public static string AppNameOf(AppSource source)
    {
        var name = source.Location.TrimEnd('/', '\\');
        name = name[(name.LastIndexOfAny(['/', '\\', ':']) + 1)..];
        if (name.EndsWith(".git", StringComparison.OrdinalIgnoreCase))
        {
            name = name[..^4];
        }

        return BranchSlug.From(name.Length == 0 ? "app" : name);
    }
}
