using Slipway.Git.Checkout;
using Slipway.Service.Apps;
using Slipway.Service.Queue;
using Slipway.Status;

namespace Slipway.Service.Web;

/// <summary>Turns a start request from the form or the API into a queued run, checking what a person could get wrong.</summary>
public sealed class RunStarter(AppCatalog apps, RunQueue queue)
{
    /// <summary>The pipelines a person may start by hand.</summary>
    public static readonly IReadOnlyList<string> Pipelines =
        [PipelineNames.PullRequest, PipelineNames.Playground, PipelineNames.Approved, PipelineNames.Teardown];

    /// <exception cref="RunRequestException">The app, branch, commit or pipeline is not one that can run.</exception>
    public async Task<EnqueueResult> StartAsync(string? appName, string? branch, string? pipeline, string? commit, string trigger, CancellationToken cancellationToken)
    {
        var app = string.IsNullOrWhiteSpace(appName)
            ? apps.Default
            : apps.Find(appName.Trim()) ?? throw new RunRequestException(
                $"There is no app '{appName}': choose one of {string.Join(", ", apps.All.Select(known => known.Name))}.");
        var chosen = Pipelines.FirstOrDefault(name => string.Equals(name, pipeline?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? (string.IsNullOrWhiteSpace(pipeline) ? PipelineNames.PullRequest : throw new RunRequestException(
                $"There is no pipeline '{pipeline}' to start: choose one of {string.Join(", ", Pipelines)}."));
        if (string.IsNullOrWhiteSpace(branch))
        {
            throw new RunRequestException("Choose the branch to run the pipeline for.");
        }

        try
        {
            // Checks the branch and commit the way --branch and --commit are checked.
            AppSource.Resolve(app.Source, branch, commit, null);
        }
        catch (CheckoutException exception)
        {
            throw new RunRequestException(exception.Message);
        }

        var request = new RunRequest(
            chosen,
            app.Name,
            app.Source,
            branch.Trim(),
            chosen == PipelineNames.Teardown || string.IsNullOrWhiteSpace(commit) ? null : commit.Trim(),
            app.Repository,
            Trigger: trigger);
        return await queue.EnqueueAsync(request, cancellationToken);
    }
}
