namespace Slipway.Results.Parsing;

/// <summary>
/// Turns the absolute paths tools print inside the container (<c>/var/www/app/src/Foo.php</c>) into
/// paths relative to the app root (<c>src/Foo.php</c>). Paths outside the root stay as they are.
/// </summary>
internal sealed class AppPathMapper(string appRoot)
{
    private readonly string _root = appRoot.TrimEnd('/');
    private string? _lastPath;
    private string? _lastRelative;

    public string Relative(string path)
    {
        // Reports repeat one file for many entries; handing back the same instance keeps results small.
        if (path == _lastPath)
        {
            return _lastRelative!;
        }

        _lastPath = path;
        _lastRelative = Map(path);
        return _lastRelative;
    }

    private string Map(string path)
    {
        if (_root.Length > 0 && path.StartsWith(_root, StringComparison.Ordinal))
        {
            if (path.Length == _root.Length)
            {
                return ".";
            }

            if (path[_root.Length] == '/')
            {
                return path[(_root.Length + 1)..];
            }
        }

        return path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path;
    }
}
