using Slipway.Docker.Engine;
using Slipway.Docker.Platform;
using Slipway.Pipeline.Building;

namespace Slipway.Composition.Doctor;

/// <summary>What Doctor reports for the local Docker engine: whether it answers, and which base images it already holds.</summary>
public static class DockerSetupCheck
{
    /// <summary>The engine's version, API and storage driver, or what to do when it does not answer.</summary>
    public static async Task<SetupCheck> CheckEngineAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
            var version = await docker.GetVersionAsync(cancellationToken);
            var driver = await docker.GetStorageDriverAsync(cancellationToken);
            return new SetupCheck("docker", true, $"engine {version.Version} (API {version.ApiVersion}, storage {driver}) at {docker.Endpoint.Address}");
        }
        catch (DockerException exception)
        {
            return new SetupCheck("docker", false, exception.Message + " On Debian: sudo scripts/install-prerequisites.sh.");
        }
    }

    /// <summary>The first base image set of PHP <paramref name="php"/> the engine holds completely, or how the images will be got.</summary>
    public static async Task<SetupCheck> CheckBaseImagesAsync(string php, CancellationToken cancellationToken)
    {
        try
        {
            using var docker = new DockerClient(DockerEndpoint.FromEnvironment());
            var images = new DockerImageBuilder(docker);
            foreach (var set in new[] { BaseImageSet.OfficialFor(php), BaseImageSet.LocalFor(php) })
            {
                var present = 0;
                foreach (var image in set.All)
                {
                    present += await images.ExistsAsync(image, cancellationToken) ? 1 : 0;
                }

                if (present == set.All.Count())
                {
                    return new SetupCheck("base images", true, string.Join(", ", set.All));
                }
            }

            var offline = php is "7.4" or "8.2" or "8.4"
                ? $"offline, run scripts/make-base-images.sh --php {php}"
                : $"no Debian release ships PHP {php}, so it cannot be made offline (7.4, 8.2 and 8.4 can)";
            return new SetupCheck("base images", true, $"none for PHP {php} on this engine yet: the official ones are pulled during the build; {offline}.");
        }
        catch (DockerException)
        {
            return new SetupCheck("base images", false, "cannot be checked without the Docker engine.");
        }
    }
}
