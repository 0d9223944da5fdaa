using Slipway.Platform;

namespace Slipway.Results.Tests.Fixtures;

/// <summary>Runs built from the sample reports: tests, analysis, and a killed task.</summary>
internal static class SampleRun
{
    public static TaskResults Tests() => new TaskLog()
        .Report("phpunit", "junit", Samples.PhpUnit, exit: 2)
        .Report("behat", "junit", Samples.Behat, exit: 1)
        .Read("tests");

    public static TaskResults Analysis() => new TaskLog()
        .Report("phpcs", "checkstyle", Samples.Phpcs, exit: 2)
        .Report("phpmd", "pmd", Samples.Phpmd, exit: 2)
        .Report("phpcpd", "pmd-cpd", Samples.Phpcpd, exit: 1)
        .Report("phploc", "phploc-json", Samples.Phploc)
        .Read("analysis");

    public static TaskResults Killed() => new TaskLog()
        .Begin("phpunit", "junit")
        .Out("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<testsuites>", "  <testsuite name=\"Cut | short `here`\">")
        .Read("tests-2");

    public static RunReport Passing() => RunReport.Combine(new TaskLog().Report("phpunit", "junit", """
        <testsuites>
          <testsuite name="App\Tests\OkTest" file="/var/www/app/tests/OkTest.php">
            <testcase name="testOne" class="App\Tests\OkTest" file="/var/www/app/tests/OkTest.php" line="7" time="0.25"/>
          </testsuite>
        </testsuites>
        """).Read("tests"));

    public static RunReport Everything() => RunReport.Combine(Tests(), Analysis(), Killed());
}
