using Slipway.Git.Checkout;
using Slipway.Pipeline;
using Slipway.Pipeline.Running;

namespace Slipway.Service.Apps;

/// <summary>
/// The apps the service knows: the default app, the repositories mapped to sources in the settings, and those
/// webhooks brought since the start. A repository without a mapping is built from the clone URL its webhook gives.
/// </summary>
public sealed class AppCatalog
{
    private readonly string _root;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KnownApp> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyDictionary<string, string> _mapped;

    /// <exception cref="ServiceSettingsException">A configured source cannot be built from.</exception>
    public AppCatalog(ServiceOptions options)
    {
        _root = options.RootDirectory;
        _mapped = options.Apps;
        Default = Remember(new KnownApp(NameOf(options.DefaultApp), options.DefaultApp, null));
        foreach (var (repository, source) in options.Apps)
        {
            Remember(new KnownApp(NameOf(source), source, repository));
        }
    }

    /// <summary>The app a request means when it names none.</summary>
    public KnownApp Default { get; }

    /// <summary>Every known app, by name.</summary>
    public IReadOnlyList<KnownApp> All
    {
        get
        {
            lock (_gate)
            {
                return _byName.Values.OrderBy(app => app.Name, StringComparer.OrdinalIgnoreCase).ToList();
            }
        }
    }

    /// <summary>The app of that name (case-insensitive), or null.</summary>
    public KnownApp? Find(string name)
    {
        lock (_gate)
        {
            return _byName.GetValueOrDefault(name);
        }
    }

    /// <summary>The app a webhook's repository stands for: the mapped source, else the clone URL it gave.</summary>
    /// <exception cref="ServiceSettingsException">The clone URL cannot be built from.</exception>
    public KnownApp ForRepository(string fullName, string cloneUrl)
    {
        var source = _mapped.TryGetValue(fullName, out var mapped) ? mapped : cloneUrl;
        return Remember(new KnownApp(NameOf(source), source, fullName));
    }

    /// <summary>The app's name as the pipeline derives it from the source (the folder or repository name, as a slug).</summary>
    /// <exception cref="ServiceSettingsException">The source names nothing that can be checked out.</exception>
    public string NameOf(string source)
    {
        try
        {
            return PipelineSession.AppNameOf(new PipelineSettings(_root, _root, source, "main"), _root);
        }
        catch (CheckoutException exception)
        {
            throw new ServiceSettingsException(exception.Message);
        }
    }

    private KnownApp Remember(KnownApp app)
    {
        lock (_gate)
        {
            // The default and the mappings come first and keep their names; a webhook's clone URL only fills a gap.
            _byName.TryAdd(app.Name, app);
        }

        return app;
    }
}
