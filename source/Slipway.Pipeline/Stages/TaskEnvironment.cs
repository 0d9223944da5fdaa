using Slipway.Pipeline.AppConfig;
using Slipway.Pipeline.Running;
using Slipway.Platform;

namespace Slipway.Pipeline.Stages;

/// <summary>
/// The environment of a test or analysis task: the run's names, and what the app's profile says about the
/// tests to run and the code to analyse (docker/tests/run-tests.sh and run-analysis.sh read it). Values
/// are data for the scripts, never command-line words: paths were checked when the profile was made.
/// </summary>
internal static class TaskEnvironment
{
    public static Dictionary<string, string> For(RunContext run, AppProfile profile, TaskKind kind)
    {
        var environment = new Dictionary<string, string>
        {
            ["SLIPWAY_APP"] = run.AppName,
            ["SLIPWAY_BRANCH"] = run.Settings.Branch,
            ["SLIPWAY_BUILD_ID"] = run.RunId,
        };
        if (kind == TaskKind.Tests)
        {
            Add(environment, "SLIPWAY_PHPUNIT_CONFIG", profile.PhpunitConfig);
            Add(environment, "SLIPWAY_BEHAT_CONFIG", profile.BehatConfig);
            if (profile.TestRunners.Count > 0)
            {
                // JSON keeps each word of a command whole; run-tests.sh decodes it with php, never with a shell.
                environment["SLIPWAY_TEST_RUNNERS"] = TestRunner.ToJson(profile.TestRunners);
            }

            if (profile.BrowserTests)
            {
                // run-tests.sh serves the built app from this folder, for the browser beside the task.
                environment["SLIPWAY_SERVE_DOCROOT"] = profile.Docroot;
            }
        }
        else if (kind == TaskKind.Analysis)
        {
            if (profile.AnalysisPaths is { } paths)
            {
                // Set even when empty: "nothing of the site's own" differs from "the whole app".
                environment["SLIPWAY_ANALYSIS_PATHS"] = string.Join(':', paths);
            }

            Add(environment, "SLIPWAY_ANALYSIS_EXCLUDE", profile.AnalysisExclude.Count == 0 ? null : string.Join(':', profile.AnalysisExclude));
            environment["SLIPWAY_DRUPAL"] = profile.Drupal == DrupalKind.None ? "0" : "1";
        }

        return environment;
    }

    private static void Add(Dictionary<string, string> environment, string name, string? value)
    {
        if (value is not null)
        {
            environment[name] = value;
        }
    }
}
