using Slipway.Engine;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;
using Slipway.Pipeline.Running;
using Slipway.Platform;

namespace Slipway.Pipeline.Services;

/// <summary>
/// Turns the services an app declares (and the browser its tests ask for) into what the platform starts beside a
/// task: each with the image to run, made from Debian packages and published first where it has to be.
/// </summary>
public sealed class SidecarPlanner(PipelineServices services, IServiceImageMaker? maker = null)
{
    /// <summary>The name of the browser Slipway adds for browser tests when the app declares none.</summary>
    public const string BrowserName = "browser";

    private readonly IServiceImageMaker imageMaker = maker ?? new ServiceImageScript(services.Layout);

    /// <summary>The services beside a task of <paramref name="kind"/>: all of them for the tests, all but browsers for the playground.</summary>
    public async Task<IReadOnlyList<SidecarSpec>> PlanAsync(RunContext run, AppProfile profile, TaskKind kind, CancellationToken cancellationToken)
    {
        var wanted = Wanted(profile, kind);
        var sidecars = new List<SidecarSpec>();
        foreach (var service in wanted)
        {
            var known = service.Kind is { } each ? ServiceKinds.Of(each) : null;
            var image = service.Image ?? await KindImageAsync(run, service, known!, cancellationToken);
            var environment = new Dictionary<string, string>(known?.Environment ?? new Dictionary<string, string>());
            foreach (var (name, value) in service.Environment)
            {
                environment[name] = value;
            }

            sidecars.Add(new SidecarSpec(
                service.Name, image, service.Port, environment, service.Ready ?? known?.Ready, known?.UrlVariable, known?.MemoryMiB ?? 256));
        }

        return sidecars;
    }

    /// <summary>The app's services for a task kind, with the browser added to the tests when they need one.</summary>
    public static IReadOnlyList<AppService> Wanted(AppProfile? profile, TaskKind kind)
    {
        var declared = profile?.Services ?? [];
        return kind switch
        {
            TaskKind.Tests when profile is { BrowserTests: true } && declared.All(service => service.Kind != ServiceKind.Chromium) =>
                [.. declared, new AppService(BrowserName, ServiceKind.Chromium, null, ServiceKinds.Of(ServiceKind.Chromium).Port, new Dictionary<string, string>(), null)],
            TaskKind.Tests => declared,
            // Nobody drives a browser in the playground.
            TaskKind.Playground => declared.Where(service => service.Kind != ServiceKind.Chromium).ToList(),
            _ => [],
        };
    }

    // Like the base images: the official image where the engine has it (or --base-images official says so), the
    // offline one made from Debian packages otherwise, made here the first time an app asks for it.
    private async Task<string> KindImageAsync(RunContext run, AppService service, ServiceKinds known, CancellationToken cancellationToken)
    {
        var choice = run.Settings.BaseImages;
        var name = ServiceKinds.NameOf(service.Kind!.Value);
        if (choice == BaseImageChoice.Official || (choice == BaseImageChoice.Auto && await services.Images.ExistsAsync(known.Official, cancellationToken)))
        {
            return known.Official;
        }

        if (known.Offline is not { } offline)
        {
            throw new BuildFailedException(
                $"Debian packages no {name} and {known.Official} is not on this engine: give the service '{service.Name}' an image in .slipway.yml (services.{service.Name}.image) or pull {known.Official} first.");
        }

        if (!await services.Images.ExistsAsync(offline, cancellationToken))
        {
            await imageMaker.MakeAsync(service.Kind.Value, cancellationToken);
        }

        return await services.Platform.PublishImageAsync(offline, run.Owner, cancellationToken);
    }
}
