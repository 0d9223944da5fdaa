using Slipway.Composition;
using Slipway.Platform;
using Slipway.Status;

partial class Targets
{
    CompositionOptions CompositionOptions => new(
        SlipwayRoot: RootDirectory,
        WorkDirectory: WorkFolder,
        Reporter: StatusReporterFactory.Create(
            StatusSettings.FromEnvironment(Environment.GetEnvironmentVariable),
            new LogTextWriter(),
            message => Log.Warning(message)),
        Registry: Registry,
        RegistryCredentials: RegistryUsername is null || Registry is null
            ? null
            : new RegistryCredentials(RegistryUsername, RegistryPassword ?? "", Registry))
    {
        Platform = ResolvedPlatform,
        Aws = AwsPlatformSettings,
        TaskNetworks = TaskNetworks,
    };
}
