namespace Slipway.Pipeline.Tests.Aws.Fixtures;

/// <summary>
/// What docker/tests/run-tests.sh and run-analysis.sh print in a task (docs/results-protocol.md), with
/// stderr chatter mixed in as CloudWatch would show it: one failing test of three, and one phpcs finding.
/// </summary>
internal static class TaskScripts
{
    public static TaskScript Tests(string family) => new(family, "tests",
    [
        "run-tests: phpunit: phpunit phpunit.xml.dist",
        "::slipway:: begin tool=phpunit format=junit",
        """<?xml version="1.0" encoding="UTF-8"?>""",
        "<testsuites>",
        """  <testsuite name="Unit" tests="3" assertions="3" errors="0" failures="1" skipped="0" time="0.012">""",
        """    <testsuite name="Harbour\Tests\GreetingTest" file="/var/www/app/tests/Unit/GreetingTest.php" tests="3" assertions="3" errors="0" failures="1" skipped="0" time="0.012">""",
        """      <testcase name="testGreetsByName" class="Harbour\Tests\GreetingTest" classname="Harbour.Tests.GreetingTest" file="/var/www/app/tests/Unit/GreetingTest.php" line="12" assertions="1" time="0.003"/>""",
        """      <testcase name="testGreetsTheWorld" class="Harbour\Tests\GreetingTest" classname="Harbour.Tests.GreetingTest" file="/var/www/app/tests/Unit/GreetingTest.php" line="19" assertions="1" time="0.004"/>""",
        """      <testcase name="testShoutsWhenAsked" class="Harbour\Tests\GreetingTest" classname="Harbour.Tests.GreetingTest" file="/var/www/app/tests/Unit/GreetingTest.php" line="26" assertions="1" time="0.005">""",
        """        <failure type="PHPUnit\Framework\ExpectationFailedException">Harbour\Tests\GreetingTest::testShoutsWhenAsked""",
        "Failed asserting that two strings are identical.",
        "/var/www/app/tests/Unit/GreetingTest.php:28</failure>",
        "      </testcase>",
        "    </testsuite>",
        "  </testsuite>",
        "</testsuites>",
        "::slipway:: end tool=phpunit exit=1",
    ]);

    public static TaskScript Analysis(string family) => new(family, "analysis",
    [
        "run-analysis: phpcs: phpcs --standard=phpcs.xml.dist",
        "::slipway:: begin tool=phpcs format=checkstyle",
        """<?xml version="1.0" encoding="UTF-8"?>""",
        """<checkstyle version="3.7.2">""",
        """<file name="/var/www/app/web/modules/custom/harbour/src/Greeter.php">""",
        """ <error line="14" column="5" severity="error" message="Line indented incorrectly; expected 4 spaces, found 5" source="Generic.WhiteSpace.ScopeIndent.IncorrectExact"/>""",
        "</file>",
        "</checkstyle>",
        "::slipway:: end tool=phpcs exit=2",
        "run-analysis: phpmd: phpmd web/modules/custom xml phpmd.xml",
        "::slipway:: begin tool=phpmd format=pmd",
        """<?xml version="1.0" encoding="UTF-8" ?>""",
        """<pmd version="2.13.0" timestamp="2026-11-22T01:00:00+00:00">""",
        "</pmd>",
        "::slipway:: end tool=phpmd exit=0",
    ]);
}
