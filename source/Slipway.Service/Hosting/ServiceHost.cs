using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Git;
using Slipway.Git.Processes;
using Slipway.Service.Apps;
using Slipway.Service.Commands;
using Slipway.Service.Metrics;
using Slipway.Service.Queue;
using Slipway.Service.Queue.Sqlite;
using Slipway.Service.Schedules;
using Slipway.Service.Webhooks;
using Slipway.Service.Web;

namespace Slipway.Service.Hosting;

/// <summary>
/// The Slipway service: the web server (page, API, webhooks, health, metrics), the run dispatcher and the
/// close-of-business schedule, all put together here.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    private static readonly TimeSpan ShutdownTimeout = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;
    private readonly StateStoreLock _storeLock;

    private ServiceHost(WebApplication app, Uri address, StateStoreLock storeLock)
    {
        _app = app;
        Address = address;
        _storeLock = storeLock;
    }

    /// <summary>The address the service answers on (with the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>The service's parts, for tests that look inside (the queue's store, the schedule).</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>Starts the service and returns once it listens; start-up recovery and the first runs follow in the background.</summary>
    /// <exception cref="ServiceSettingsException">A setting cannot work (the message says which).</exception>
    public static async Task<ServiceHost> StartAsync(ServiceOptions options, ServiceDependencies dependencies, CancellationToken cancellationToken)
    {
        options.Validate();

        // Before anything reads the queue: a second service would take the first one's running runs for interrupted.
        var storeLock = StateStoreLock.Acquire(options.DatabasePath);
        try
        {
            var (app, address) = await StartWebApplicationAsync(options, dependencies, cancellationToken);
            return new ServiceHost(app, address, storeLock);
        }
        catch
        {
            storeLock.Dispose();
            throw;
        }
    }

    private static async Task<(WebApplication App, Uri Address)> StartWebApplicationAsync(
        ServiceOptions options, ServiceDependencies dependencies, CancellationToken cancellationToken)
    {
        var log = new ServiceLog();
        var listen = options.ListenAddress;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            ContentRootPath = options.RootDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new ServiceLoggerProvider(log));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(listen.Address, listen.Port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = ShutdownTimeout);
        builder.Services.AddSingleton<IHostLifetime, CallerLifetime>();
        AddServices(builder.Services, options, dependencies, log);

        var app = builder.Build();
        var errors = new UnexpectedErrorAnswer(log);
        app.Use((context, next) => errors.InvokeAsync(context, _ => next()));
        var publicHost = options.PublicAddress?.Host;
        var guard = new RequestOriginGuard(publicHost is null ? options.Hosts : options.Hosts.Append(publicHost), listen.Address);
        app.Use((context, next) => guard.InvokeAsync(context, _ => next()));
        var gate = app.Services.GetRequiredService<TokenGate>();
        app.Use((context, next) => gate.InvokeAsync(context, _ => next()));
        app.MapWebhooks();
        app.MapHealth();
        app.MapApi();
        app.MapPages();
        app.MapOperations();

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or System.Net.Sockets.SocketException)
        {
            // Our own sentence: the framework's message may be a bare resource key (the build trims resources).
            await app.DisposeAsync();
            throw new ServiceSettingsException(
                $"The service cannot listen on {listen}: another program already uses that port, or this user may not: stop it or choose another address with --listen.");
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var address = new Uri(bound.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("[::]", "[::1]", StringComparison.Ordinal));
        log.Information($"Slipway service at {address} ({options}).");
        return (app, address);
    }

    /// <summary>Runs the service until <paramref name="cancellationToken"/> is cancelled, then stops it: running runs are stopped and queued again.</summary>
    public static async Task RunAsync(ServiceOptions options, ServiceDependencies dependencies, CancellationToken cancellationToken)
    {
        await using var host = await StartAsync(options, dependencies, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or SIGTERM: stop below.
        }

        await host.StopAsync();
    }

    /// <summary>Stops taking requests, stops the running runs (they are queued again) and waits for them to end.</summary>
    public Task StopAsync() => _app.StopAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        _storeLock.Dispose();
    }

    private static void AddCommandsAndSchedules(IServiceCollection services, ServiceOptions options, TimeProvider clock, ServiceLog log)
    {
        // The runs keep their working copies beside the state database (the work directory).
        services.AddSingleton(new BranchCommandCatalog(new Slipway.Pipeline.Building.SlipwayLayout(
            options.RootDirectory, Path.GetDirectoryName(Path.GetFullPath(options.DatabasePath))!)));
        services.AddSingleton<CommandStarter>();
        services.AddSingleton(provider => new ScheduleBook(ScheduleRegistrations.For(
            options, provider.GetRequiredService<AppCatalog>(), provider.GetRequiredService<Slipway.Pipeline.State.IRunStore>(),
            provider.GetRequiredService<BranchCommandCatalog>(), provider.GetRequiredService<RunQueue>(), clock, log)));
        services.AddHostedService(provider => provider.GetRequiredService<ScheduleBook>());
    }

    private static void AddServices(IServiceCollection services, ServiceOptions options, ServiceDependencies dependencies, ServiceLog log)
    {
        var clock = dependencies.Clock;
        var schedule = CronSchedule.Parse(options.TeardownSchedule, options.TimeZone);
        services.AddSingleton(options);
        services.AddSingleton(log);
        services.AddSingleton(clock);
        services.AddSingleton(dependencies.Pipeline);
        services.AddSingleton(dependencies.Cleaner);
        services.AddSingleton(dependencies.PipelineStore);
        services.AddSingleton(dependencies.QueueStore ?? new SqliteRunQueueStore(options.DatabasePath));
        services.AddSingleton(dependencies.Branches
            ?? new GitRemoteBranchLister(new GitCli(new ProcessRunner()), options.RootDirectory, clock));
        services.AddSingleton(new TokenGate(options.Token));
        services.AddSingleton(new AppCatalog(options));
        services.AddSingleton<ServiceMetrics>();
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<InterruptedRunRecovery>();
        services.AddSingleton<GitHubWebhookReader>();
        services.AddSingleton(provider => new BitbucketWebhookReader(
            provider.GetRequiredService<AppCatalog>(), options, dependencies.BitbucketPermissions, log));
        services.AddSingleton<RunStarter>();
        services.AddSingleton<PlaygroundActions>();
        services.AddSingleton<ForkTrustWaitlist>();
        services.AddSingleton<CloseOfBusinessTeardown>();
        services.AddSingleton(provider => new ScheduledJobRunner(
            schedule, provider.GetRequiredService<CloseOfBusinessTeardown>(), clock, log));
        services.AddHostedService<RunDispatcher>();
        services.AddSingleton<PlaygroundConditions>();
        if (dependencies.Playgrounds is { } playgrounds)
        {
            services.AddSingleton(playgrounds);
            services.AddHostedService<PlaygroundWatch>();
        }
        services.AddHostedService(provider => provider.GetRequiredService<ScheduledJobRunner>());
        AddCommandsAndSchedules(services, options, clock, log);
    }
}
