using Slipway.Engine;
using Slipway.Git;
using Slipway.Git.Checkout;
using Slipway.Git.Releases;
using Slipway.Pipeline.Releases;
using Slipway.Pipeline.Running;
using Slipway.Platform;
using Slipway.Results;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// Releases a built and tested commit: the next semantic version as an annotated tag on exactly that commit,
/// pushed to the app's remote, and the tested image (not a rebuild) published under the same version.
/// Safe to run again; a dry run makes every check and changes nothing.
/// </summary>
public sealed class DeployStage(GitCli git, IReleaseImagePublisher images)
{
    /// <summary>Who tags when git on this machine has no identity configured (a fresh CI agent).</summary>
    public static readonly GitIdentity FallbackTagger = new("Slipway", "slipway@localhost");

    /// <exception cref="BuildFailedException">The run's tests did not pass, or the app is a plain folder.</exception>
    /// <exception cref="ReleaseException">The version is refused (tag on another commit, not greater than the last release) or git failed.</exception>
    public async Task<DeployOutcome> RunAsync(RunContext run, BuiltApp built, DeployRequest request, CancellationToken cancellationToken)
    {
        var checkout = built.Checkout;
        var testedImage = built.Image;
        if (!checkout.IsCommit)
        {
            throw new BuildFailedException(
                $"Deploy tags a git commit, but the app '{run.Settings.App}' is a plain folder: point --app at a git repository or URL.");
        }

        EnsureTestsPassed(run);
        var remote = await new AppRemoteLocator(git).LocateAsync(run.Source, request.Remote, cancellationToken);
        await FetchReleaseTagsAsync(checkout.WorkFolder, remote, cancellationToken);

        var plan = await new ReleasePlanner(git).PlanAsync(checkout.WorkFolder, checkout.Revision, request.Version, cancellationToken);
        var repository = request.Repository ?? run.AppName;
        Log.Information(plan.AlreadyReleased
            ? $"{plan.ShortCommit} is already released as {plan.Tag}."
            : $"Releasing {plan.ShortCommit} as {plan.Tag} ({(plan.PreviousVersion is null ? "first release" : $"after v{plan.PreviousVersion.ToNormalizedString()}")}, {request.Version}).");
        Log.Information(plan.Notes.TrimEnd());

        // Refusals (the tag on another commit, here or on the remote) come before anything is pushed.
        var tagger = new ReleaseTagger(git);
        var options = new ReleaseOptions(remote, DryRun: true, await TaggerAsync(checkout.WorkFolder, cancellationToken));
        var preview = await tagger.ApplyAsync(plan, options, cancellationToken);

        // A released version's image never changes: a rebuild of the same commit is not byte for byte the same.
        var target = images.Describe(repository, plan.VersionText);
        var released = plan.AlreadyReleased ? await images.FindAsync(repository, plan.VersionText, cancellationToken) : null;
        if (request.DryRun)
        {
            var wouldPush = released is null
                ? $"Dry run: would push {testedImage} as {target}."
                : $"Image {target} is already released as {released.Digest}: nothing to push.";
            Log.Information(preview.Summary);
            Log.Information(wouldPush);
            return new DeployOutcome(preview, Image: null, $"{preview.Summary} {wouldPush}");
        }

        // The image goes before the tag: should the tag push fail, the next run pushes the image again and then tags.
        string imageSentence;
        if (released is null)
        {
            Log.Information($"Pushing {testedImage} as {target}.");
            released = await images.PublishAsync(testedImage, repository, plan.VersionText, run.Owner, cancellationToken);
            imageSentence = released.Digest is null ? $"Published image {released.Reference}." : $"Pushed image {released.Reference} ({released.Digest}).";
        }
        else
        {
            imageSentence = $"Image {released.Reference} was already released as {released.Digest}: not pushed again.";
        }

        var release = await tagger.ApplyAsync(plan, options with { DryRun = false }, cancellationToken);
        Log.Information(release.Summary);
        Log.Information(imageSentence);
        run.Tracker.Update(status => status with { Version = plan.VersionText, ReleaseNotes = plan.Notes });
        return new DeployOutcome(release, released, $"{release.Summary} {imageSentence}");
    }

    /// <summary>Only a build whose tests ran in this run and passed is released, whatever targets were skipped.</summary>
    private static void EnsureTestsPassed(RunContext run)
    {
        var tests = run.Results.Where(results => results.TaskName == TaskKind.Tests.Label()).ToList();
        if (tests.Count == 0)
        {
            throw new BuildFailedException("Deploy releases only a tested build, and this run ran no tests: run the Approved target (without --skip Test).");
        }

        var report = RunReport.Combine(tests);
        if (report.HasInfrastructureFailure)
        {
            throw new BuildFailedException("Deploy releases only a tested build, and this run's test results could not be read: fix the test run and run Approved again.");
        }

        if (report.HasTestFailures)
        {
            throw new BuildFailedException(
                $"Deploy releases only a build whose tests pass, and {report.Tests.Failed + report.Tests.Errors} of {report.Tests.Total} failed: fix them and run Approved again.");
        }
    }

    /// <summary>The remote holds the release history: its tags decide the next version, even those the app's folder never fetched.</summary>
    private async Task FetchReleaseTagsAsync(string workFolder, string remote, CancellationToken cancellationToken)
    {
        try
        {
            await git.RunAsync(workFolder, ["fetch", "--quiet", "--no-write-fetch-head", "--", remote, "+refs/tags/*:refs/tags/*"], cancellationToken);
        }
        catch (GitCommandException exception)
        {
            throw new ReleaseException(
                $"Cannot read the release tags of {CredentialRedactor.Redact(remote)}: {exception.Reason.TrimEnd('.')}; check --remote and your access to it.",
                exception);
        }
    }

    private async Task<GitIdentity?> TaggerAsync(string workFolder, CancellationToken cancellationToken)
    {
        var name = await git.TryRunAsync(workFolder, ["config", "user.name"], cancellationToken);
        var email = await git.TryRunAsync(workFolder, ["config", "user.email"], cancellationToken);
        return name.Succeeded && email.Succeeded ? null : FallbackTagger;
    }
}
