using Slipway.Engine;
using Slipway.Git.Processes;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Building;

namespace Slipway.Pipeline.Services;

/// <summary>Makes the offline image of a well-known service kind when an app first asks for it.</summary>
public interface IServiceImageMaker
{
    Task MakeAsync(ServiceKind kind, CancellationToken cancellationToken);
}

/// <summary>
/// Runs scripts/make-service-images.sh for one kind (a Debian debootstrap: minutes, once per machine). One at a
/// time: a test task and a playground asking for the same kind wait for one making.
/// </summary>
public sealed class ServiceImageScript(SlipwayLayout layout, IProcessRunner? runner = null) : IServiceImageMaker
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public async Task MakeAsync(ServiceKind kind, CancellationToken cancellationToken)
    {
        await OneAtATime.WaitAsync(cancellationToken);
        try
        {
            var name = ServiceKinds.NameOf(kind);
            Log.Information($"Making the offline {name} service image from Debian packages (scripts/make-service-images.sh {name}); this takes a few minutes, once.");
            // The kind is one of Slipway's own names, never text from the app's repository.
            var result = await (runner ?? new ProcessRunner()).RunAsync(
                new ProcessRequest(Path.Combine(layout.Root, "scripts", "make-service-images.sh"), [name], layout.Root), cancellationToken);
            if (result.ExitCode != 0)
            {
                var why = result.StandardError.Trim().Split('\n').LastOrDefault()?.Trim() ?? $"exit code {result.ExitCode}";
                throw new BuildFailedException($"Could not make the offline {name} service image ({why}): run scripts/make-service-images.sh {name} as root to see why.");
            }
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
