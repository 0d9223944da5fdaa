using Slipway.Git.Checkout;
using Slipway.Pipeline;
using Slipway.Pipeline.Running;

namespace Slipway.Service.Apps;

/// <summary>
/// The apps the service knows: the default app and the repositories mapped to sources in the settings. Only a
/// mapped repository is built for a webhook: a payload's clone URL is never a source, because whoever can send (or
/// forge the content of) a delivery would otherwise choose what git is pointed at on this host.
/// </summary>
public sealed class AppCatalog
{
    private readonly string _root;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, KnownApp> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, KnownApp> _byRepository = new(StringComparer.OrdinalIgnoreCase);

    /// <exception cref="ServiceSettingsException">A configured source cannot be built from.</exception>
    public AppCatalog(ServiceOptions options)
    {
        _root = options.RootDirectory;
        Default = Remember(new KnownApp(NameOf(options.DefaultApp), options.DefaultApp, null));
        foreach (var (repository, source) in options.Apps)
        {
            var app = new KnownApp(NameOf(source), source, repository);
            // The name labels everything the app's runs make: two repositories under one name would tear down each other's playgrounds.
            if (_byRepository.Values.FirstOrDefault(known => known.Name == app.Name && known.Source != source) is { } other)
            {
                throw new ServiceSettingsException(
                    $"--service-apps maps '{other.Repository}' and '{repository}' to sources that are both named '{app.Name}', so their playgrounds would share names: give one of them a source (clone or folder) with another name.");
            }

            _byRepository[repository] = Remember(app);
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

    /// <summary>The app a webhook's repository stands for (its <c>--service-apps</c> entry), or null for a repository not configured.</summary>
    public KnownApp? ForRepository(string fullName)
    {
        return _byRepository.GetValueOrDefault(fullName);
    }

    /// <summary>The app's name as the pipeline derives it from the source (the folder or repository name, as a slug).</summary>
    /// <exception cref="ServiceSettingsException">The source names nothing that can be checked out.</exception>
    public string NameOf(string source)
    {
        try
        {
            return PipelineSession.AppNameOf(source, _root);
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
            // The default comes first and keeps its name when a mapping shares it.
            _byName.TryAdd(app.Name, app);
        }

        return app;
    }
}
