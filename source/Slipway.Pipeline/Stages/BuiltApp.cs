using Slipway.Git.Checkout;
using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Running;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// What the build stage produced, handed as a value to each stage after it (tests, analysis, playground, deploy):
/// the checkout, the app's settings, the app image, and the tests image, which is built on first use.
/// </summary>
/// <param name="Checkout">The commit that was built and its working copy.</param>
/// <param name="Profile">The app's settings (<c>.slipway.yml</c> and what the built code shows).</param>
/// <param name="Image">The app image as built locally (<c>slipway/app:slug-sha7</c>).</param>
/// <param name="ImageId">The engine's id of the app image (sha256:...).</param>
/// <param name="PublishedImage">The app image as the platform runs it (a registry reference on AWS).</param>
/// <param name="Database">
/// What the app's hooks, test task and playground get for the branch database, on top of Slipway's own variables:
/// plain settings as environment, secrets as files (none when the run has no branch database).
/// </param>
/// <param name="TestsImage">The image the test and analysis tasks run, built by whichever of them asks first.</param>
public sealed record BuiltApp(
    CheckoutResult Checkout,
    AppProfile Profile,
    string Image,
    string ImageId,
    string PublishedImage,
    BranchDatabaseAccess Database,
    Lazy<Task<BuiltImage>> TestsImage)
{
    /// <summary><paramref name="environment"/> with the branch database's plain settings added (the app's win).</summary>
    public Dictionary<string, string> WithAppEnvironment(Dictionary<string, string> environment) =>
        WithAppEnvironment(environment, Database.Environment);

    /// <summary><paramref name="environment"/> with <paramref name="appEnvironment"/> added (the app's win).</summary>
    public static Dictionary<string, string> WithAppEnvironment(
        Dictionary<string, string> environment, IReadOnlyDictionary<string, string> appEnvironment)
    {
        foreach (var (name, value) in appEnvironment)
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>The engine's ids of the images this build made: the app image, and the tests image once it is built.</summary>
    public IReadOnlyList<string> ImageIds =>
        TestsImage is { IsValueCreated: true, Value.IsCompletedSuccessfully: true } ? [ImageId, TestsImage.Value.Result.Id] : [ImageId];
}

/// <summary>An image a build made: the engine's id, and the reference the platform runs it by.</summary>
public sealed record BuiltImage(string Id, string Reference);
