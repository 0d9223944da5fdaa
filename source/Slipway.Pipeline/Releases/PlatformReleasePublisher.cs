using Slipway.Platform;

namespace Slipway.Pipeline.Releases;

/// <summary>
/// Releases the image wherever the platform publishes the images its tasks run: ECR on AWS, the
/// <c>--registry</c> of the local platform, or the local engine itself when that has none. Used when no
/// release registry is given. The platform decides the final reference (on AWS its tag also names the owner)
/// and does not report a digest; nor can its registry be asked whether a version is already there.
/// </summary>
/// <param name="platform">The platform whose <see cref="IPlatform.PublishImageAsync"/> pushes the image.</param>
/// <param name="store">The engine's tag, to give the tested image its release name first.</param>
public sealed class PlatformReleasePublisher(IPlatform platform, IImageStore store) : IReleaseImagePublisher
{
    /// <inheritdoc />
    public string Describe(string repository, string version) => $"{LocalReference(repository, version)} (published by the {platform.Name} platform)";

    /// <inheritdoc />
    /// <remarks>The platform's registry cannot be asked, so this is always null: a second run publishes again.</remarks>
    public Task<ReleasedImage?> FindAsync(string repository, string version, CancellationToken cancellationToken) =>
        Task.FromResult<ReleasedImage?>(null);

    /// <inheritdoc />
    public async Task<ReleasedImage> PublishAsync(string testedImage, string repository, string version, Ownership owner, CancellationToken cancellationToken)
    {
        var local = LocalReference(repository, version);
        await store.TagAsync(testedImage, local, cancellationToken);
        var published = await platform.PublishImageAsync(local, owner, cancellationToken);
        return new ReleasedImage(published, Digest: null);
    }

    private static string LocalReference(string repository, string version) => $"{repository}:{version}";
}
